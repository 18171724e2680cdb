import type {
  CreateRunnerRequest,
  EnqueueJobRequest,
  FaultRequest,
  FaultView,
  JobState,
  MockJobView,
  MockManagerView,
  MockRunnerView,
  MockStateView,
  RequestLogEntry,
  RunnerTokenResponse,
} from "./types.js";

export class MockGitLabControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = "MockGitLabControlError";
  }
}

export interface WaitForJobOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Typed client for a mock's `/__mock/` control API; works against a mock in another process too. */
export class MockGitLabControl {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  enqueueJob(job: EnqueueJobRequest): Promise<{ id: number }> {
    return this.call("POST", "/__mock/jobs", job);
  }

  getJob(id: number): Promise<MockJobView> {
    return this.call("GET", `/__mock/jobs/${id}`);
  }

  listJobs(filter: { state?: JobState } = {}): Promise<MockJobView[]> {
    return this.call("GET", `/__mock/jobs${filter.state ? `?state=${filter.state}` : ""}`);
  }

  /** `force` cancels outright (`Job-Status: canceled`) instead of asking for a graceful stop (`canceling`). */
  cancelJob(id: number, opts: { force?: boolean } = {}): Promise<MockJobView> {
    return this.call("POST", `/__mock/jobs/${id}/cancel`, opts);
  }

  /**
   * Polls until `predicate` holds for the job and returns it. Rejects after `timeoutMs` with the last state
   * seen, which is usually what a failing test needs to print.
   */
  async waitForJob(
    id: number,
    predicate: (job: MockJobView) => boolean,
    timeoutMs = 10_000,
    opts: Omit<WaitForJobOptions, "timeoutMs"> = {},
  ): Promise<MockJobView> {
    const deadline = Date.now() + timeoutMs;
    const interval = opts.intervalMs ?? 50;
    for (;;) {
      const job = await this.getJob(id);
      if (predicate(job)) return job;
      if (Date.now() >= deadline) {
        const { trace: _trace, ...summary } = job;
        throw new Error(
          `job ${id} did not reach the expected state within ${timeoutMs} ms; last seen: ${JSON.stringify(summary)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(0, deadline - Date.now()))));
    }
  }

  /** Creates a `glrt-` runner without the admin token (an instance runner unless `runner_type` says otherwise). */
  createRunner(runner: CreateRunnerRequest = {}): Promise<RunnerTokenResponse> {
    return this.call("POST", "/__mock/runners", runner);
  }

  listRunners(): Promise<MockRunnerView[]> {
    return this.call("GET", "/__mock/runners");
  }

  managers(runnerId: number): Promise<MockManagerView[]> {
    return this.call("GET", `/__mock/runners/${runnerId}/managers`);
  }

  injectFault(fault: FaultRequest): Promise<FaultView> {
    return this.call("POST", "/__mock/faults", fault);
  }

  faults(): Promise<FaultView[]> {
    return this.call("GET", "/__mock/faults");
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/__mock/faults");
  }

  requests(filter: { endpoint?: string; limit?: number } = {}): Promise<RequestLogEntry[]> {
    const search = new URLSearchParams();
    if (filter.endpoint) search.set("endpoint", filter.endpoint);
    if (filter.limit !== undefined) search.set("limit", String(filter.limit));
    const qs = search.toString();
    return this.call("GET", `/__mock/requests${qs ? `?${qs}` : ""}`);
  }

  state(): Promise<MockStateView> {
    return this.call("GET", "/__mock/state");
  }

  async reset(): Promise<void> {
    await this.call("POST", "/__mock/reset");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    if (!res.ok) {
      const message =
        typeof parsed === "object" && parsed !== null && "message" in parsed ? String(parsed.message) : text;
      throw new MockGitLabControlError(res.status, parsed, `${method} ${path} failed: ${message || res.status}`);
    }
    return parsed as T;
  }
}
