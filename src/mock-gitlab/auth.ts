import type { IncomingMessage } from "node:http";
import { badRequest, forbidden, HttpError } from "./http.js";
import { optString, type Params } from "./params.js";
import type { MockGitLabStore } from "./store.js";
import type { ResolvedConfig, RunnerRecord } from "./types.js";

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

/**
 * The runner sends its token in the body and, depending on the version, as `RUNNER-TOKEN` (17.11+) or
 * `PRIVATE-TOKEN` (17.9). The body wins, as in Rails, so a stale header can never override it.
 */
export function runnerTokenOf(req: IncomingMessage, params: Params): string {
  const token = optString(params, "token") ?? header(req, "runner-token") ?? header(req, "private-token");
  if (token === undefined || token === "") throw badRequest("token is missing");
  return token;
}

/** Job calls: body `token` (PUT only), then `JOB-TOKEN`, then `PRIVATE-TOKEN` (17.9 PUT). */
export function jobTokenOf(req: IncomingMessage, params: Params): string {
  const token = optString(params, "token") ?? header(req, "job-token") ?? header(req, "private-token");
  if (token === undefined || token === "") throw badRequest("token is missing");
  return token;
}

export function authenticateRunner(store: MockGitLabStore, token: string): RunnerRecord {
  const runner = store.runnerByToken(token);
  if (!runner) throw forbidden();
  return runner;
}

/** Admin REST calls: `PRIVATE-TOKEN` as gitbeaker and curl send it, or an OAuth-style bearer header. */
export function requireAdmin(req: IncomingMessage, config: ResolvedConfig): void {
  const bearer = header(req, "authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  const token = header(req, "private-token") ?? bearer;
  if (token !== config.adminToken) throw new HttpError(401, "401 Unauthorized");
}
