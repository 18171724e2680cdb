import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { adminApiRoutes } from "./admin-api.js";
import { resolveConfig } from "./config.js";
import type { MockDeps, RequestContext, RequestMeta } from "./context.js";
import { controlApiRoutes } from "./control-api.js";
import { MockGitLabControl } from "./control-client.js";
import { UNKNOWN_ENDPOINT } from "./endpoints.js";
import { FaultQueue } from "./faults.js";
import {
  ClientGoneError,
  formToParams,
  HttpError,
  json,
  notFound,
  parseParams,
  readBody,
  statusLine,
  writeReply,
  type Reply,
} from "./http.js";
import { jobApiRoutes } from "./job-api.js";
import type { Params } from "./params.js";
import { redactDeep, redactHeaders, redactPath, SecretScrubber } from "./redact.js";
import { RequestLog } from "./request-log.js";
import { Router } from "./router.js";
import { runnerApiRoutes } from "./runner-api.js";
import { MockGitLabStore } from "./store.js";
import { requestId as newRequestId } from "./tokens.js";
import type { FaultView, MockGitLabOptions, MockLogLine, RequestSummary, ResolvedConfig } from "./types.js";

export interface MockGitLab {
  /** `http://host:port`, the value for a runner's `url`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly adminToken: string;
  readonly registrationToken: string;
  /** The live in-memory state, for assertions that the HTTP control API does not cover. */
  readonly state: MockGitLabStore;
  /** Client for the /__mock/ control API of this instance. */
  readonly control: MockGitLabControl;
  /** Answers parked long polls, closes every connection and stops listening. Idempotent. */
  close(): Promise<void>;
}

const CONTROL_PREFIX = "/__mock/";
// Bodies above this size are counted but not copied into the request log.
const MAX_LOGGED_BODY_BYTES = 64 * 1024;

const validRequestId = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;

const formatHost = (host: string): string => (host.includes(":") ? `[${host}]` : host);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Body as the request log shows it: parsed and redacted when it is JSON or form data, otherwise nothing. */
function loggableBody(body: Buffer, contentType: string | undefined, endpoint: string): unknown {
  if (body.length === 0 || body.length > MAX_LOGGED_BODY_BYTES || endpoint === "jobs/trace") return null;
  try {
    return redactDeep(parseParams(body, contentType));
  } catch {
    // Unparseable text may itself contain a token, so it is never copied.
    return null;
  }
}

class MockGitLabServer {
  private readonly router: Router;
  private readonly inflight = new Set<AbortController>();
  private readonly scrubber = new SecretScrubber();
  private storeSecrets: readonly string[] | undefined;
  private secrets: string[] = [];

  constructor(
    private readonly deps: MockDeps,
    private readonly fallbackBaseUrl: () => string,
  ) {
    this.router = new Router().add(
      ...runnerApiRoutes(deps),
      ...jobApiRoutes(deps),
      ...adminApiRoutes(deps),
      ...controlApiRoutes(deps),
    );
  }

  /** Aborts every request in flight: parked long polls answer 204 and fault latencies end early. */
  abortInflight(): void {
    for (const controller of this.inflight) controller.abort();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const { config, faults } = this.deps;
    const requestId = validRequestId(req.headers["x-request-id"]) ?? newRequestId();
    res.setHeader("X-Request-Id", requestId);
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query: Params = formToParams(new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1)));
    const match = this.router.match(method, pathname);
    const endpoint = match.kind === "found" ? match.route.endpoint : UNKNOWN_ENDPOINT;

    const controller = new AbortController();
    this.inflight.add(controller);
    res.once("close", () => {
      // Only a request still in progress has anyone to tell; an abort costs a DOMException with a stack.
      if (!res.writableFinished) controller.abort();
      this.inflight.delete(controller);
    });

    const meta: RequestMeta = {};
    let body: Buffer = Buffer.alloc(0);
    let fault: FaultView | undefined;
    let reply: Reply | undefined;
    let dropped = false;
    let error: string | undefined;
    try {
      if (match.kind === "not-found") throw notFound();
      if (match.kind === "method-not-allowed") {
        throw new HttpError(405, "405 Method Not Allowed", { Allow: match.allowed.join(", ") });
      }
      const { route, pathParams } = match;
      // Taken before the first await so that concurrent calls consume distinct uses of a fault.
      if (route.kind === "api") fault = faults.take(route.endpoint);
      body = await readBody(req, config.maxBodyBytes);
      if (fault && fault.latencyMs > 0) await sleep(fault.latencyMs, controller.signal);
      if (fault?.drop) {
        dropped = true;
        req.socket.destroy();
      } else if (fault && fault.status !== null) {
        const headers = fault.retryAfter !== null ? { "Retry-After": String(fault.retryAfter) } : undefined;
        reply = json(fault.status, { message: statusLine(fault.status) }, headers);
      } else {
        let parsed: Params | undefined;
        const bodyBuffer = body;
        const ctx: RequestContext = {
          req,
          pathParams,
          query,
          requestId,
          baseUrl: this.baseUrlOf(req),
          signal: controller.signal,
          body: bodyBuffer,
          params: () => (parsed ??= parseParams(bodyBuffer, req.headers["content-type"])),
          annotate: (m) => Object.assign(meta, m),
        };
        reply = await route.handler(ctx);
      }
    } catch (err) {
      if (err instanceof ClientGoneError) {
        dropped = true;
        error = err.message;
      } else if (err instanceof HttpError) {
        reply = { status: err.status, headers: err.headers, json: { message: err.message } };
      } else {
        error = err instanceof Error ? err.message : String(err);
        reply = json(500, { message: statusLine(500) });
      }
    }
    if (!dropped && reply) writeReply(res, reply);
    this.record({
      req,
      rawUrl,
      pathname,
      endpoint,
      requestId,
      status: dropped ? null : (reply?.status ?? null),
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      fault,
      meta,
      body,
      error,
    });
  }

  private record(r: {
    req: IncomingMessage;
    rawUrl: string;
    pathname: string;
    endpoint: string;
    requestId: string;
    status: number | null;
    durationMs: number;
    fault: FaultView | undefined;
    meta: RequestMeta;
    body: Buffer;
    error: string | undefined;
  }): void {
    const { config, requestLog, store } = this.deps;
    const secrets = this.secretsOf(store.secrets());
    const summary: RequestSummary = {
      time: config.now().toISOString(),
      request_id: r.requestId,
      method: r.req.method ?? "GET",
      path: redactPath(r.rawUrl),
      endpoint: r.endpoint,
      status: r.status,
      duration_ms: r.durationMs,
    };
    // Control calls stay out of the request log: a test polling waitForJob would otherwise flood it.
    if (!r.pathname.startsWith(CONTROL_PREFIX)) {
      requestLog.add(
        this.scrubber.scrub(
          {
            ...summary,
            fault_id: r.fault?.id ?? null,
            runner_id: r.meta.runnerId ?? null,
            system_id: r.meta.systemId ?? null,
            job_id: r.meta.jobId ?? null,
            headers: redactHeaders(r.req.headers),
            body: loggableBody(r.body, r.req.headers["content-type"], r.endpoint),
            body_bytes: r.body.length,
          },
          secrets,
        ),
      );
    }
    if (!config.logger) return;
    // time, level and msg lead each line, where a reader looks first.
    const { time, ...request } = summary;
    const line: MockLogLine = {
      time,
      level: r.status === null ? "warn" : r.status >= 500 ? "error" : "info",
      msg: "request",
      ...request,
      ...(r.error !== undefined ? { error: r.error } : {}),
    };
    try {
      config.logger(this.scrubber.scrub(line, secrets));
    } catch {
      // A broken logger must not take the mock down with it.
    }
  }

  /** The mock's own tokens and the store's, as one array that stays the same while nothing changes. */
  private secretsOf(storeSecrets: readonly string[]): string[] {
    if (storeSecrets !== this.storeSecrets) {
      this.storeSecrets = storeSecrets;
      this.secrets = [
        this.deps.config.adminToken,
        this.deps.config.registrationToken,
        ...this.deps.config.extraRegistrationTokens,
        ...storeSecrets,
      ];
    }
    return this.secrets;
  }

  /** The address as the client used it, so URLs in job payloads and Link headers work from its side too. */
  private baseUrlOf(req: IncomingMessage): string {
    const host = req.headers.host;
    if (host && /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(host)) return `http://${host}`;
    return this.fallbackBaseUrl();
  }
}

// Node's default accept backlog is 511. A fleet of runners (re)connecting at once overflows it, and the
// kernel drops the extra SYNs: those clients retry after 1, 3, 7, 15 s, which looked like a slow mock.
// Linux caps the value at net.core.somaxconn (4096 on current kernels).
const LISTEN_BACKLOG = 4096;
const KEEP_ALIVE_MS = 65_000;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Starts a mock GitLab on `host:port` (127.0.0.1 and an OS-assigned port by default). */
export async function startMockGitLab(options: MockGitLabOptions = {}): Promise<MockGitLab> {
  const config: ResolvedConfig = resolveConfig(options);
  const store = new MockGitLabStore(config.now);
  const deps: MockDeps = {
    store,
    faults: new FaultQueue(),
    requestLog: new RequestLog(config.requestLogLimit),
    config,
  };
  let url = "";
  const mock = new MockGitLabServer(deps, () => url);
  const server = createServer((req, res) => {
    void mock.handle(req, res);
  });
  // Node closes idle keep-alive connections after 5 s; a client that reuses one just then gets "socket hang
  // up" (runners between two polls, load tests). GitLab's nginx keeps them 65 s.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  url = `http://${formatHost(config.host)}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      mock.abortInflight();
      store.queue.wakeAll();
      // Let the aborted handlers write their answers before connections go away.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 200).unref();
      });
    })());

  return {
    url,
    host: config.host,
    port,
    adminToken: config.adminToken,
    registrationToken: config.registrationToken,
    state: store,
    control: new MockGitLabControl(url),
    close,
  };
}
