import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `ready` until it returns true; fails after `timeoutMs` with what it waited for and the
 * last error or state seen, so a timeout says why.
 */
export async function waitFor(
  what: string,
  timeoutMs: number,
  ready: () => Promise<boolean | string>,
  intervalMs = 250,
): Promise<number> {
  const started = Date.now();
  let last: string;
  for (;;) {
    try {
      const result = await ready();
      if (result === true) return Date.now() - started;
      last = typeof result === "string" ? result : "";
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last}` : ""}`);
    }
    await sleep(intervalMs);
  }
}
