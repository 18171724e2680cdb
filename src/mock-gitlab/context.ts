import type { IncomingMessage } from "node:http";
import type { FaultQueue } from "./faults.js";
import type { Reply } from "./http.js";
import type { Params } from "./params.js";
import type { RequestLog } from "./request-log.js";
import type { MockGitLabStore } from "./store.js";
import type { ResolvedConfig } from "./types.js";

/** Everything a route handler may touch. */
export interface MockDeps {
  store: MockGitLabStore;
  faults: FaultQueue;
  requestLog: RequestLog;
  config: ResolvedConfig;
}

export interface RequestMeta {
  runnerId?: number;
  systemId?: string;
  jobId?: number;
}

export interface RequestContext {
  req: IncomingMessage;
  /** Path parameters of the matched route, e.g. `{ id: "7" }`. */
  pathParams: Record<string, string>;
  /** Query string parameters (`key[]` collected into arrays). */
  query: Params;
  requestId: string;
  /** `http://host:port` as the client addressed the mock; used for URLs the mock hands out. */
  baseUrl: string;
  /** Aborted when the client disconnects or the server shuts down; long polls stop waiting on it. */
  signal: AbortSignal;
  /** The raw request body (already read, size-limited). */
  body: Buffer;
  /** The body parsed as JSON or form parameters; throws a 400 for malformed input. */
  params(): Params;
  /** Adds identities to the request-log entry of this call. */
  annotate(meta: RequestMeta): void;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export type RouteKind = "api" | "control";

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template; `:name` segments match digits only, like GitLab's integer ids. */
  path: string;
  /** Stable name used by faults and the request log. */
  endpoint: string;
  kind: RouteKind;
  handler: Handler;
}
