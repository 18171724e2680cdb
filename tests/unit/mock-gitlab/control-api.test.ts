import { describe, expect, it } from "vitest";
import { MockGitLabControlError, REDACTED, type MockLogLine } from "../../../src/mock-gitlab/index.js";
import {
  admin,
  call,
  createRunner,
  patchTrace,
  requestJob,
  runningJob,
  startMock,
  SYSTEM_ID_A,
  updateJob,
} from "./helpers.js";

describe("enqueueing and reading jobs", () => {
  it("enqueues a job and reads back its definition and state", async () => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/__mock/jobs", {
      json: {
        script: ["make test"],
        tags: ["linux"],
        variables: { A: "1" },
        name: "unit",
        timeout: 600,
        after_script: ["echo done"],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number) });
    const job = await mock.control.getJob(res.body.id);
    expect(job).toMatchObject({
      id: res.body.id,
      state: "pending",
      name: "unit",
      script: ["make test"],
      after_script: ["echo done"],
      tags: ["linux"],
      variables: { A: "1" },
      timeout: 600,
      runner_id: null,
      system_id: null,
      failure_reason: null,
      exit_code: null,
      trace: "",
    });
  });

  it("lists jobs, optionally by state", async () => {
    const mock = await startMock();
    const running = await runningJob(mock);
    const { id: pendingId } = await mock.control.enqueueJob({ script: ["true"], tags: ["nobody-has-this"] });
    expect((await mock.control.listJobs()).map((j) => j.id)).toEqual([running.id, pendingId]);
    expect((await mock.control.listJobs({ state: "pending" })).map((j) => j.id)).toEqual([pendingId]);
    expect((await mock.control.listJobs({ state: "running" }))[0]).toMatchObject({
      id: running.id,
      system_id: SYSTEM_ID_A,
    });
  });

  it.each([
    [{}, "script"],
    [{ script: [] }, "script"],
    [{ script: "echo" }, "script"],
    [{ script: ["true"], variables: { A: 1 } }, "variables"],
    [{ script: ["true"], tags: "linux" }, "tags"],
    [{ script: ["true"], timeout: 0 }, "timeout"],
  ])("rejects the job definition %j with 400", async (json, field) => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/__mock/jobs", { json });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect(await mock.control.listJobs()).toEqual([]);
  });

  it("raises MockGitLabControlError with the status for unknown jobs", async () => {
    const mock = await startMock();
    const err = await mock.control.getJob(5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MockGitLabControlError);
    expect((err as MockGitLabControlError).status).toBe(404);
  });
});

describe("waitForJob", () => {
  it("resolves once the predicate holds", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    setTimeout(() => void updateJob(mock, job.id, job.token, { state: "success" }), 100);
    const done = await mock.control.waitForJob(job.id, (j) => j.state === "success", 5_000);
    expect(done.state).toBe("success");
  });

  it("rejects after the timeout and reports the last state seen", async () => {
    const mock = await startMock();
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    const started = Date.now();
    await expect(mock.control.waitForJob(id, (j) => j.state === "success", 200)).rejects.toThrow(/"state":"pending"/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe("fault injection", () => {
  it("answers the next N matching calls with the injected status and Retry-After, then recovers", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const fault = await mock.control.injectFault({ endpoint: "jobs/request", status: 503, times: 2, retryAfter: 7 });
    expect(fault).toMatchObject({ endpoint: "jobs/request", status: 503, times: 2, remaining: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await requestJob(mock, runner.token);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("7");
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.body).toEqual({ message: "503 Service Unavailable" });
    }
    expect((await requestJob(mock, runner.token)).status).toBe(204);
    expect(await mock.control.faults()).toEqual([]);
  });

  it("only hits the named endpoint", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.injectFault({ endpoint: "runners/verify", status: 500 });
    expect((await requestJob(mock, runner.token)).status).toBe(204);
    expect((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token } })).status).toBe(500);
  });

  it("adds latency and still answers normally", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.injectFault({ endpoint: "runners/verify", latencyMs: 300 });
    const started = Date.now();
    const res = await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    const fast = Date.now();
    await call(mock, "POST", "/api/v4/runners/verify", { json: { token: runner.token } });
    expect(Date.now() - fast).toBeLessThan(250);
  });

  it("drops the connection without an answer and leaves the job untouched", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const fault = await mock.control.injectFault({ endpoint: "jobs/update", drop: true });
    await expect(updateJob(mock, job.id, job.token, { state: "success" })).rejects.toThrow();
    expect((await mock.control.getJob(job.id)).state).toBe("running");
    const [entry] = await mock.control.requests({ endpoint: "jobs/update", limit: 1 });
    expect(entry).toMatchObject({ status: null, fault_id: fault.id });
    expect((await updateJob(mock, job.id, job.token, { state: "success" })).status).toBe(200);
  });

  it("applies '*' to every GitLab endpoint but never to /__mock/ calls", async () => {
    const mock = await startMock();
    await mock.control.injectFault({ endpoint: "*", status: 502, times: 2 });
    expect(await mock.control.listRunners()).toEqual([]);
    expect((await call(mock, "GET", "/api/v4/runners/all", { headers: admin(mock) })).status).toBe(502);
    expect((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: "x" } })).status).toBe(502);
    expect((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: "x" } })).status).toBe(403);
  });

  it("consumes exactly N uses under concurrent calls", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.injectFault({ endpoint: "jobs/request", status: 429, times: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => requestJob(mock, runner.token)));
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
    expect(results.filter((r) => r.status === 204)).toHaveLength(7);
  });

  it("consumes faults for the same endpoint in the order they were injected", async () => {
    const mock = await startMock();
    await mock.control.injectFault({ endpoint: "runners/verify", status: 500 });
    await mock.control.injectFault({ endpoint: "runners/verify", status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(mock, "POST", "/api/v4/runners/verify", { json: { token: "x" } })).status);
    expect(statuses).toEqual([500, 503, 403]);
  });

  it.each([
    [{ endpoint: "jobs/nope", status: 500 }, "endpoint"],
    [{ endpoint: "jobs/request" }, "needs status, latencyMs or drop"],
    [{ endpoint: "jobs/request", status: 500, times: 0 }, "times"],
    [{ endpoint: "jobs/request", status: 99 }, "status"],
    [{ endpoint: "jobs/request", status: 500, drop: true }, "exclude"],
    [{ endpoint: "jobs/request", latencyMs: -1 }, "latencyMs"],
  ])("rejects the fault %j with 400", async (json, message) => {
    const mock = await startMock();
    const res = await call(mock, "POST", "/__mock/faults", { json });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
    expect(await mock.control.faults()).toEqual([]);
  });

  it("clears pending faults", async () => {
    const mock = await startMock();
    await mock.control.injectFault({ endpoint: "jobs/request", status: 500, times: 5 });
    await mock.control.clearFaults();
    const runner = await createRunner(mock);
    expect((await requestJob(mock, runner.token)).status).toBe(204);
  });
});

describe("request log", () => {
  it("records method, path, endpoint, status and identities of GitLab calls, not of control calls", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await patchTrace(mock, job.id, job.token, "log line\n", 0);
    const entries = await mock.control.requests();
    expect(entries.map((e) => `${e.method} ${e.endpoint} ${e.status}`)).toEqual([
      "POST admin/user/runners 201",
      "POST jobs/request 201",
      "PUT jobs/update 200",
      "PATCH jobs/trace 202",
    ]);
    expect(entries[1]).toMatchObject({
      path: "/api/v4/jobs/request",
      runner_id: job.runnerId,
      system_id: SYSTEM_ID_A,
      job_id: job.id,
    });
    expect(entries[3]).toMatchObject({
      path: `/api/v4/jobs/${job.id}/trace?debug_trace=false`,
      body: null,
      body_bytes: 9,
    });
    expect(typeof entries[0]?.time).toBe("string");
    expect(entries.every((e) => e.duration_ms >= 0)).toBe(true);
  });

  it("redacts every token: headers, body fields, query strings and values pasted elsewhere", async () => {
    const mock = await startMock({ registrationToken: "GR1348941registration-secret" });
    const reg = await call(mock, "POST", "/api/v4/runners", {
      headers: { "RUNNER-TOKEN": mock.registrationToken },
      json: { token: mock.registrationToken, description: `pasted ${mock.registrationToken} here` },
    });
    const runnerToken: string = reg.body.token;
    await call(mock, "POST", "/api/v4/runners/verify", {
      headers: { "PRIVATE-TOKEN": runnerToken },
      json: { system_id: SYSTEM_ID_A },
    });
    await call(mock, "GET", `/api/v4/runners/all?private_token=${mock.adminToken}`);
    await call(mock, "GET", "/api/v4/runners/all", { headers: { Authorization: `Bearer ${mock.adminToken}` } });
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    const job = (await requestJob(mock, runnerToken)).body;
    await updateJob(mock, id, job.token, { state: "running" });
    await call(mock, "POST", "/api/v4/runners/verify", { json: { token: "glrt-unknown-but-secret" } });

    const entries = await mock.control.requests();
    const dump = JSON.stringify(entries);
    for (const secret of [mock.registrationToken, runnerToken, mock.adminToken, job.token, "glrt-unknown-but-secret"]) {
      expect(dump).not.toContain(secret);
    }
    expect(entries[0]?.headers["runner-token"]).toBe(REDACTED);
    expect(entries[0]?.body).toMatchObject({ token: REDACTED, description: `pasted ${REDACTED} here` });
    expect(entries[1]?.headers["private-token"]).toBe(REDACTED);
    expect(entries[2]?.path).toBe(`/api/v4/runners/all?private_token=${encodeURIComponent(REDACTED)}`);
    expect(entries[3]?.headers.authorization).toBe(REDACTED);
    expect(entries.at(-1)?.body).toEqual({ token: REDACTED });
  });

  it("keeps only the most recent requestLogLimit entries", async () => {
    const mock = await startMock({ requestLogLimit: 3 });
    for (let i = 0; i < 5; i++) await call(mock, "POST", "/api/v4/runners/verify", { json: { token: `t${i}` } });
    const entries = await mock.control.requests();
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});

describe("structured logger", () => {
  it("emits one JSON-serialisable line per request, echoing X-Request-Id and never a token", async () => {
    const lines: MockLogLine[] = [];
    const mock = await startMock({ logger: (line) => lines.push(line) });
    const runner = await createRunner(mock);
    const res = await call(mock, "POST", "/api/v4/jobs/request", {
      headers: { "X-Request-Id": "0123456789abcdef0123456789abcdef", "RUNNER-TOKEN": runner.token },
      json: { token: runner.token },
    });
    expect(res.headers.get("x-request-id")).toBe("0123456789abcdef0123456789abcdef");
    await call(mock, "GET", `/api/v4/runners/all?private_token=${mock.adminToken}`);
    await mock.control.state();

    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatchObject({
      level: "info",
      msg: "request",
      method: "POST",
      path: "/api/v4/jobs/request",
      endpoint: "jobs/request",
      status: 204,
      request_id: "0123456789abcdef0123456789abcdef",
    });
    expect(lines[1]?.duration_ms).toBeGreaterThanOrEqual(0);
    expect(lines[0]?.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[3]).toMatchObject({ endpoint: "mock/state", status: 200 });
    const dump = JSON.stringify(lines);
    expect(dump).not.toContain(runner.token);
    expect(dump).not.toContain(mock.adminToken);
  });

  it("replaces an X-Request-Id that is not a safe token with a generated one", async () => {
    const mock = await startMock();
    const res = await call(mock, "GET", "/__mock/state", { headers: { "X-Request-Id": "bad id with spaces" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps serving when the logger throws", async () => {
    const mock = await startMock({
      logger: () => {
        throw new Error("log sink down");
      },
    });
    expect((await call(mock, "GET", "/__mock/state")).status).toBe(200);
    expect((await call(mock, "GET", "/__mock/state")).status).toBe(200);
  });
});

describe("state and reset", () => {
  it("shows runners with their managers, jobs, faults and config", async () => {
    const mock = await startMock({ longPollMs: 1234 });
    const runner = await createRunner(mock, { tag_list: ["a"] });
    await requestJob(mock, runner.token);
    await mock.control.enqueueJob({ script: ["true"], tags: ["zzz"] });
    await mock.control.injectFault({ endpoint: "jobs/trace", status: 500 });
    const state = await mock.control.state();
    expect(state.runners).toHaveLength(1);
    expect(state.runners[0]).toMatchObject({ id: runner.id, token: runner.token, tag_list: ["a"], status: "online" });
    expect(state.runners[0]?.managers.map((m) => m.system_id)).toEqual([SYSTEM_ID_A]);
    expect(state.jobs.map((j) => j.state)).toEqual(["pending"]);
    expect(state.faults).toHaveLength(1);
    expect(state.config).toEqual({
      long_poll_ms: 1234,
      legacy_registration: true,
      trace_update_interval_seconds: null,
    });
    expect(state.request_log_size).toBe(2);
  });

  it("reset forgets runners, jobs, faults and requests; ids are never reused", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await mock.control.injectFault({ endpoint: "jobs/request", status: 500 });
    await mock.control.reset();
    const state = await mock.control.state();
    expect(state).toMatchObject({ runners: [], jobs: [], faults: [], request_log_size: 0 });
    expect((await requestJob(mock, job.token)).status).toBe(403);
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    expect(id).toBeGreaterThan(job.id);
    const runner = await mock.control.createRunner();
    expect(runner.id).toBeGreaterThan(job.runnerId);
  });

  it("creates runners through the control API without the admin token", async () => {
    const mock = await startMock();
    const runner = await mock.control.createRunner({ tag_list: ["x"], run_untagged: false });
    expect(runner.token).toMatch(/^glrt-/);
    const [view] = await mock.control.listRunners();
    expect(view).toMatchObject({ id: runner.id, runner_type: "instance_type", tag_list: ["x"], run_untagged: false });
  });
});
