import { API_ENDPOINTS } from "./endpoints.js";
import { badRequest } from "./http.js";
import { optBool, optInt, reqString, type Params } from "./params.js";
import type { FaultView } from "./types.js";

export const ANY_ENDPOINT = "*";

/** Validates a `POST /__mock/faults` body; a fault that would do nothing is refused rather than ignored. */
export function parseFault(params: Params): Omit<FaultView, "id" | "remaining"> {
  const endpoint = reqString(params, "endpoint");
  if (endpoint !== ANY_ENDPOINT && !API_ENDPOINTS.includes(endpoint)) {
    throw badRequest(`endpoint must be "*" or one of: ${API_ENDPOINTS.join(", ")}`);
  }
  const status = optInt(params, "status") ?? null;
  if (status !== null && (status < 200 || status > 599)) throw badRequest("status must be between 200 and 599");
  const latencyMs = optInt(params, "latencyMs", { min: 0 }) ?? 0;
  const drop = optBool(params, "drop") ?? false;
  const times = optInt(params, "times", { min: 1 }) ?? 1;
  const retryAfter = optInt(params, "retryAfter", { min: 0 }) ?? null;
  if (status === null && latencyMs === 0 && !drop) throw badRequest("a fault needs status, latencyMs or drop");
  if (status !== null && drop) throw badRequest("status and drop exclude each other");
  if (retryAfter !== null && status === null) throw badRequest("retryAfter needs status");
  return { endpoint, status, latencyMs, drop, retryAfter, times };
}

/** Faults wait in order; each matching call consumes one use of the oldest fault that matches it. */
export class FaultQueue {
  private nextId = 1;
  private faults: FaultView[] = [];

  add(fault: Omit<FaultView, "id" | "remaining">): FaultView {
    const added: FaultView = { ...fault, id: this.nextId++, remaining: fault.times };
    this.faults.push(added);
    return { ...added };
  }

  /** Called synchronously when a request starts, so concurrent calls consume distinct uses. */
  take(endpoint: string): FaultView | undefined {
    const index = this.faults.findIndex((f) => f.endpoint === ANY_ENDPOINT || f.endpoint === endpoint);
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  list(): FaultView[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
