import { describe, expect, it } from "vitest";
import { startMockGitLab } from "../../../src/mock-gitlab/index.js";
import { admin, call, createRunner, INFO_17_9, requestJob, startMock, SYSTEM_ID_A } from "./helpers.js";

describe("POST /api/v4/jobs/request without a job", () => {
  it("answers 204 with X-GitLab-Last-Update and no body", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const res = await requestJob(mock, runner.token);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("x-gitlab-last-update")).toMatch(/^\S+$/);
  });

  it("keeps the queue version while nothing changes and changes it when a matching job is enqueued", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock, { tag_list: ["gpu"], run_untagged: false });
    const v1 = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const v2 = (await requestJob(mock, runner.token, { last_update: v1 })).headers.get("x-gitlab-last-update");
    expect(v2).toBe(v1);
    await mock.control.enqueueJob({ script: ["true"], tags: ["other"] });
    const v3 = (await requestJob(mock, runner.token, { last_update: v1 })).headers.get("x-gitlab-last-update");
    expect(v3).toBe(v1);
    await mock.control.enqueueJob({ script: ["true"], tags: ["gpu"] });
    const res = await requestJob(mock, runner.token, { last_update: v1 });
    expect(res.status).toBe(201);
    const v4 = (await requestJob(mock, runner.token, { last_update: v1 })).headers.get("x-gitlab-last-update");
    expect(v4).not.toBe(v1);
  });

  it("answers 403 for an unknown runner token", async () => {
    const mock = await startMock();
    const res = await requestJob(mock, "glrt-unknown");
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ message: "403 Forbidden" });
  });

  it("records the manager heartbeat: contacted_at, ip, info, online status", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await requestJob(mock, runner.token);
    const [manager] = await mock.control.managers(runner.id);
    expect(manager).toMatchObject({
      system_id: SYSTEM_ID_A,
      status: "online",
      ip_address: "127.0.0.1",
      version: "19.4.0",
    });
    expect(manager?.contacted_at).not.toBeNull();
    const [view] = await mock.control.listRunners();
    expect(view?.status).toBe("online");
  });

  it("files a request without system_id under the <legacy> manager", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await call(mock, "POST", "/api/v4/jobs/request", { json: { token: runner.token } });
    expect((await mock.control.managers(runner.id)).map((m) => m.system_id)).toEqual(["<legacy>"]);
  });
});

describe("POST /api/v4/jobs/request with a job", () => {
  it("answers 201 application/json with a payload whose types match the runner's Go structs", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const { id } = await mock.control.enqueueJob({
      script: ["echo hello", "exit 0"],
      after_script: ["echo cleanup"],
      name: "build",
      variables: { FOO: "bar" },
      timeout: 1800,
    });
    const res = await requestJob(mock, runner.token);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const job = res.body;
    expect(job.id).toBe(id);
    expect(typeof job.token).toBe("string");
    expect(job.token.length).toBeGreaterThan(10);
    expect("run" in job).toBe(false);
    expect(job.allow_git_fetch).toBe(false);
    expect(job.job_info).toMatchObject({ name: "build", stage: "test", project_id: 1 });
    expect(Number.isInteger(job.job_info.project_id)).toBe(true);
    expect(typeof job.job_info.time_in_queue_seconds).toBe("number");
    expect(typeof job.job_info.project_jobs_running_on_instance_runners_count).toBe("string");
    expect(job.runner_info).toEqual({ timeout: 1800 });
    for (const v of job.variables) {
      expect(typeof v.key).toBe("string");
      expect(typeof v.value).toBe("string");
      expect(typeof v.public).toBe("boolean");
    }
    const vars = Object.fromEntries(job.variables.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect(vars).toMatchObject({ GIT_STRATEGY: "none", FOO: "bar", CI_JOB_ID: String(id), CI_SERVER_URL: mock.url });
    expect(vars.CI_JOB_TOKEN).toBe(job.token);
    expect(job.variables.find((v: { key: string }) => v.key === "CI_JOB_TOKEN")).toMatchObject({
      masked: true,
      public: false,
    });
    expect(job.steps).toEqual([
      { name: "script", script: ["echo hello", "exit 0"], timeout: 1800, when: "on_success", allow_failure: false },
      { name: "after_script", script: ["echo cleanup"], timeout: 1800, when: "always", allow_failure: true },
    ]);
    expect(job.features.trace_sections).toBe(true);
    expect(job.features.failure_reasons).toEqual(
      expect.arrayContaining(["script_failure", "runner_system_failure", "job_execution_timeout"]),
    );
    for (const key of ["services", "artifacts", "cache", "credentials", "dependencies"]) expect(job[key]).toEqual([]);
    expect(job.image).toEqual({ name: "" });
  });

  it("lets a job variable replace a predefined one such as GIT_STRATEGY", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.enqueueJob({ script: ["true"], variables: { GIT_STRATEGY: "empty" } });
    const job = (await requestJob(mock, runner.token)).body;
    const strategies = job.variables.filter((v: { key: string }) => v.key === "GIT_STRATEGY");
    expect(strategies).toEqual([expect.objectContaining({ value: "empty" })]);
  });

  it("hands out the services a job was enqueued with, in order, as image names", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const { id } = await mock.control.enqueueJob({ script: ["true"], services: ["redis:7", "postgres:17"] });
    const job = (await requestJob(mock, runner.token)).body;
    expect(job.services).toEqual([{ name: "redis:7" }, { name: "postgres:17" }]);
    expect((await mock.control.getJob(id)).services).toEqual(["redis:7", "postgres:17"]);
  });

  it("caps the job timeout at the runner's maximum_timeout", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock, { maximum_timeout: 900 });
    await mock.control.enqueueJob({ script: ["true"], timeout: 7200 });
    const job = (await requestJob(mock, runner.token)).body;
    expect(job.runner_info.timeout).toBe(900);
    expect(job.steps[0].timeout).toBe(900);
  });

  it("hands a job out only once", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    await mock.control.enqueueJob({ script: ["true"] });
    expect((await requestJob(mock, runner.token)).status).toBe(201);
    expect((await requestJob(mock, runner.token)).status).toBe(204);
  });

  it("hands one job to exactly one of many concurrent polls from several runners", async () => {
    const mock = await startMock();
    const runners = await Promise.all(Array.from({ length: 5 }, () => createRunner(mock)));
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        requestJob(mock, runners[i % 5]!.token, { system_id: `s_00000000000${i % 5}` }),
      ),
    );
    const winners = results.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 204)).toHaveLength(24);
    const job = await mock.control.getJob(id);
    expect(runners.map((r) => r.id)).toContain(job.runner_id);
  });

  it("gives distinct jobs to concurrent polls when several are queued", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    for (let i = 0; i < 3; i++) await mock.control.enqueueJob({ script: [`echo ${i}`] });
    const results = await Promise.all(Array.from({ length: 8 }, () => requestJob(mock, runner.token)));
    const ids = results.filter((r) => r.status === 201).map((r) => r.body.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("tag matching", () => {
  it("gives a tagged job only to a runner that has all of its tags", async () => {
    const mock = await startMock();
    const partial = await createRunner(mock, { tag_list: ["docker"] });
    const full = await createRunner(mock, { tag_list: ["docker", "linux", "amd64"] });
    await mock.control.enqueueJob({ script: ["true"], tags: ["docker", "linux"] });
    expect((await requestJob(mock, partial.token)).status).toBe(204);
    const res = await requestJob(mock, full.token);
    expect(res.status).toBe(201);
  });

  it("gives an untagged job only to runners with run_untagged", async () => {
    const mock = await startMock();
    const strict = await createRunner(mock, { tag_list: ["docker"], run_untagged: false });
    const relaxed = await createRunner(mock, { tag_list: ["docker"], run_untagged: true });
    await mock.control.enqueueJob({ script: ["true"] });
    expect((await requestJob(mock, strict.token)).status).toBe(204);
    expect((await requestJob(mock, relaxed.token)).status).toBe(201);
  });

  it("accepts tag_list as a comma-separated string", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock, { tag_list: "a, b" });
    await mock.control.enqueueJob({ script: ["true"], tags: ["b", "a"] });
    expect((await requestJob(mock, runner.token)).status).toBe(201);
  });

  it("gives nothing to a paused runner until it is unpaused", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock, { paused: true });
    await mock.control.enqueueJob({ script: ["true"] });
    expect((await requestJob(mock, runner.token)).status).toBe(204);
    await call(mock, "PUT", `/api/v4/runners/${runner.id}`, { headers: admin(mock), json: { paused: false } });
    expect((await requestJob(mock, runner.token)).status).toBe(201);
  });
});

describe("runner versions", () => {
  it("serves a v17.9 runner that authenticates with PRIVATE-TOKEN only and starts its job at hand-out", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    const res = await call(mock, "POST", "/api/v4/jobs/request", {
      headers: { "PRIVATE-TOKEN": runner.token },
      json: { system_id: SYSTEM_ID_A, info: INFO_17_9 },
    });
    expect(res.status).toBe(201);
    // Without two_phase_job_commit there is no ack PUT, so GitLab starts the job right away.
    expect((await mock.control.getJob(id)).state).toBe("running");
    const [manager] = await mock.control.managers(runner.id);
    expect(manager).toMatchObject({ version: "17.9.0", architecture: "arm64", executor: "kubernetes" });
  });

  it("keeps a job pending for a v19 runner until the ack PUT arrives", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    await requestJob(mock, runner.token);
    const job = await mock.control.getJob(id);
    expect(job).toMatchObject({ state: "pending", runner_id: runner.id, system_id: SYSTEM_ID_A, acknowledged: false });
  });
});

describe("long polling", () => {
  it("holds a poll whose last_update is current and answers 201 as soon as a job arrives", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runner = await createRunner(mock);
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const started = Date.now();
    const poll = requestJob(mock, runner.token, { last_update: version });
    await new Promise((r) => setTimeout(r, 150));
    expect(mock.state.queue.waiting(runner.id)).toBe(1);
    await mock.control.enqueueJob({ script: ["true"] });
    const res = await poll;
    expect(res.status).toBe(201);
    expect(res.headers.get("gitlab-ci-builds-polling")).toBe("yes");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("answers 204 with the current version when the hold times out", async () => {
    const mock = await startMock({ longPollMs: 300 });
    const runner = await createRunner(mock);
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const started = Date.now();
    const res = await requestJob(mock, runner.token, { last_update: version });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(204);
    expect(res.headers.get("x-gitlab-last-update")).toBe(version);
  });

  it("answers at once when last_update is stale or missing", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runner = await createRunner(mock);
    const started = Date.now();
    expect((await requestJob(mock, runner.token)).status).toBe(204);
    expect((await requestJob(mock, runner.token, { last_update: "stale-value" })).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("does not hold at all with the default longPollMs of 0", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const started = Date.now();
    expect((await requestJob(mock, runner.token, { last_update: version })).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("never hands a job to a poll whose client has gone away", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runner = await createRunner(mock);
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const abort = new AbortController();
    const poll = fetch(`${mock.url}/api/v4/jobs/request`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: runner.token, system_id: SYSTEM_ID_A, last_update: version }),
      signal: abort.signal,
    }).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 150));
    abort.abort();
    await poll;
    await new Promise((r) => setTimeout(r, 100));
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    expect((await mock.control.getJob(id)).runner_id).toBeNull();
    expect((await requestJob(mock, runner.token)).status).toBe(201);
  });

  it("never hands a job to a client that hung up while an injected latency delayed its poll", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    await mock.control.injectFault({ endpoint: "jobs/request", latencyMs: 2_000 });
    const abort = new AbortController();
    const poll = fetch(`${mock.url}/api/v4/jobs/request`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: runner.token, system_id: SYSTEM_ID_A }),
      signal: abort.signal,
    }).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await poll;
    await new Promise((r) => setTimeout(r, 100));
    expect((await mock.control.getJob(id)).runner_id).toBeNull();
  });

  it("answers 403 to a held poll when its runner is deleted meanwhile", async () => {
    const mock = await startMock({ longPollMs: 10_000 });
    const runner = await createRunner(mock);
    const version = (await requestJob(mock, runner.token)).headers.get("x-gitlab-last-update");
    const poll = requestJob(mock, runner.token, { last_update: version });
    await new Promise((r) => setTimeout(r, 100));
    await call(mock, "DELETE", `/api/v4/runners/${runner.id}`, { headers: admin(mock) });
    expect((await poll).status).toBe(403);
  });

  it("releases held polls with 204 on close()", async () => {
    const mock = await startMockGitLab({ longPollMs: 30_000 });
    const runner = await mock.control.createRunner();
    const first = await fetch(`${mock.url}/api/v4/jobs/request`, {
      method: "POST",
      body: JSON.stringify({ token: runner.token }),
    });
    const version = first.headers.get("x-gitlab-last-update");
    const poll = fetch(`${mock.url}/api/v4/jobs/request`, {
      method: "POST",
      body: JSON.stringify({ token: runner.token, last_update: version }),
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await mock.close();
    expect((await poll).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
