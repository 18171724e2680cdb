import { describe, expect, it } from "vitest";
import { traceChecksum } from "../../../src/mock-gitlab/trace-checksum.js";
import { call, INFO_17_9, patchTrace, runningJob, startMock, updateJob } from "./helpers.js";

describe("PUT /api/v4/jobs/:id", () => {
  it("moves a job from pending to running on the ack and answers 200 with Job-Status: running", async () => {
    const mock = await startMock();
    const job = await runningJob(mock, { ack: false });
    expect((await mock.control.getJob(job.id)).state).toBe("pending");
    const res = await updateJob(mock, job.id, job.token, { state: "running", output: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("job-status")).toBe("running");
    const view = await mock.control.getJob(job.id);
    expect(view).toMatchObject({ state: "running", acknowledged: true });
    expect(view.started_at).not.toBeNull();
  });

  it("accepts keep-alives while running", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const res = await updateJob(mock, job.id, job.token, {
      state: "running",
      output: { checksum: "crc32:00000000", bytesize: 0 },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("job-status")).toBe("running");
  });

  it("records a successful final update with the reported checksum", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await patchTrace(mock, job.id, job.token, "hello\n", 0);
    const checksum = traceChecksum([Buffer.from("hello\n")]);
    const res = await updateJob(mock, job.id, job.token, { state: "success", output: { checksum, bytesize: 6 } });
    expect(res.status).toBe(200);
    expect(res.headers.get("job-status")).toBe("success");
    const view = await mock.control.getJob(job.id);
    expect(view).toMatchObject({
      state: "success",
      exit_code: 0,
      failure_reason: null,
      trace: "hello\n",
      trace_checksum: checksum,
      reported_checksum: checksum,
      reported_bytesize: 6,
    });
    expect(view.finished_at).not.toBeNull();
  });

  it("records failure_reason and exit_code of a failed job", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const res = await updateJob(mock, job.id, job.token, {
      state: "failed",
      failure_reason: "script_failure",
      exit_code: 42,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("job-status")).toBe("failed");
    expect(await mock.control.getJob(job.id)).toMatchObject({
      state: "failed",
      failure_reason: "script_failure",
      exit_code: 42,
    });
  });

  it("treats a repeated final update as idempotent but refuses a different one with 403 + Job-Status", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await updateJob(mock, job.id, job.token, { state: "success" });
    expect((await updateJob(mock, job.id, job.token, { state: "success" })).status).toBe(200);
    const late = await updateJob(mock, job.id, job.token, { state: "running" });
    expect(late.status).toBe(403);
    expect(late.headers.get("job-status")).toBe("success");
  });

  it("accepts the v17.9 PRIVATE-TOKEN header for the job token", async () => {
    const mock = await startMock();
    const job = await runningJob(mock, { ack: false, info: INFO_17_9 });
    const res = await call(mock, "PUT", `/api/v4/jobs/${job.id}`, {
      headers: { "PRIVATE-TOKEN": job.token },
      json: { state: "success", output: {} },
    });
    expect(res.status).toBe(200);
    expect((await mock.control.getJob(job.id)).state).toBe("success");
  });

  it("answers 403 for a wrong job token, 404 for an unknown job and 400 for a bad state", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    expect((await updateJob(mock, job.id, "glcbt-wrong", { state: "success" })).status).toBe(403);
    expect((await updateJob(mock, 999_999, job.token, { state: "success" })).status).toBe(404);
    const bad = await updateJob(mock, job.id, job.token, { state: "pending" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/json");
    expect((await updateJob(mock, job.id, job.token, { state: "failed", exit_code: "one" })).status).toBe(400);
    expect((await mock.control.getJob(job.id)).state).toBe("running");
  });
});

describe("PATCH /api/v4/jobs/:id/trace", () => {
  it("appends chunks with inclusive unit-less Content-Range and answers 202 with Range: 0-<len>", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const first = await patchTrace(mock, job.id, job.token, "0123456789", 0);
    expect(first.status).toBe(202);
    expect(first.headers.get("range")).toBe("0-10");
    expect(first.headers.get("job-status")).toBe("running");
    const second = await patchTrace(mock, job.id, job.token, "abc", 10);
    expect(second.status).toBe(202);
    expect(second.headers.get("range")).toBe("0-13");
    expect((await mock.control.getJob(job.id)).trace).toBe("0123456789abc");
  });

  it("counts bytes, not characters, for multi-byte output", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const res = await patchTrace(mock, job.id, job.token, "✓ ok\n", 0);
    expect(res.status).toBe(202);
    expect(res.headers.get("range")).toBe(`0-${Buffer.byteLength("✓ ok\n")}`);
  });

  it("answers 416 with Range: 0-<current length> when start is not the current length", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await patchTrace(mock, job.id, job.token, "hello", 0);
    const ahead = await patchTrace(mock, job.id, job.token, "xyz", 9);
    expect(ahead.status).toBe(416);
    expect(ahead.headers.get("range")).toBe("0-5");
    const behind = await patchTrace(mock, job.id, job.token, "hello", 0);
    expect(behind.status).toBe(416);
    expect(behind.headers.get("range")).toBe("0-5");
    expect((await mock.control.getJob(job.id)).trace).toBe("hello");
  });

  it("starts a job still waiting for its ack on the first trace chunk", async () => {
    const mock = await startMock();
    const job = await runningJob(mock, { ack: false });
    expect((await mock.control.getJob(job.id)).state).toBe("pending");
    expect((await patchTrace(mock, job.id, job.token, "x", 0)).status).toBe(202);
    expect((await mock.control.getJob(job.id)).state).toBe("running");
  });

  it("rejects a missing, unit-prefixed or inconsistent Content-Range with 400", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const headers = { "JOB-TOKEN": job.token, "Content-Type": "text/plain" };
    const none = await call(mock, "PATCH", `/api/v4/jobs/${job.id}/trace`, { headers, body: "abc" });
    expect(none.status).toBe(400);
    expect((await patchTrace(mock, job.id, job.token, "abc", 0, "bytes 0-2")).status).toBe(400);
    expect((await patchTrace(mock, job.id, job.token, "abc", 0, "0-9")).status).toBe(400);
    expect((await mock.control.getJob(job.id)).trace_size).toBe(0);
  });

  it("answers 403 for a wrong job token and 404 for an unknown job", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    expect((await patchTrace(mock, job.id, "glcbt-wrong", "x", 0)).status).toBe(403);
    expect((await patchTrace(mock, 424242, job.token, "x", 0)).status).toBe(404);
  });

  it("answers 403 with Job-Status for trace sent after the job finished", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await updateJob(mock, job.id, job.token, { state: "failed", failure_reason: "script_failure", exit_code: 1 });
    const res = await patchTrace(mock, job.id, job.token, "late", 0);
    expect(res.status).toBe(403);
    expect(res.headers.get("job-status")).toBe("failed");
  });

  it("sends X-GitLab-Trace-Update-Interval when configured", async () => {
    const mock = await startMock({ traceUpdateIntervalSeconds: 7 });
    const job = await runningJob(mock);
    const res = await patchTrace(mock, job.id, job.token, "x", 0);
    expect(res.headers.get("x-gitlab-trace-update-interval")).toBe("7");
  });
});

describe("canceling jobs", () => {
  it("cancels a job nobody picked up at once, so no runner ever gets it", async () => {
    const mock = await startMock();
    const { id } = await mock.control.enqueueJob({ script: ["true"] });
    expect((await mock.control.cancelJob(id)).state).toBe("canceled");
    const runner = await mock.control.createRunner();
    const res = await call(mock, "POST", "/api/v4/jobs/request", { json: { token: runner.token } });
    expect(res.status).toBe(204);
  });

  it("asks the runner to stop gracefully: Job-Status: canceling on the next PATCH, canceled after the final PUT", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    expect((await mock.control.cancelJob(job.id)).state).toBe("canceling");
    const patch = await patchTrace(mock, job.id, job.token, "after_script output\n", 0);
    expect(patch.status).toBe(202);
    expect(patch.headers.get("job-status")).toBe("canceling");
    const keepAlive = await updateJob(mock, job.id, job.token, { state: "running" });
    expect(keepAlive.headers.get("job-status")).toBe("canceling");
    const final = await updateJob(mock, job.id, job.token, { state: "failed", failure_reason: "script_failure" });
    expect(final.status).toBe(200);
    expect(final.headers.get("job-status")).toBe("canceled");
    expect((await mock.control.getJob(job.id)).state).toBe("canceled");
  });

  it("cancels outright with force: the next PUT gets Job-Status: canceled", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    expect((await mock.control.cancelJob(job.id, { force: true })).state).toBe("canceled");
    const res = await updateJob(mock, job.id, job.token, { state: "running" });
    expect(res.status).toBe(403);
    expect(res.headers.get("job-status")).toBe("canceled");
  });

  it("refuses to cancel a finished job with 409", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await updateJob(mock, job.id, job.token, { state: "success" });
    const res = await call(mock, "POST", `/__mock/jobs/${job.id}/cancel`, { json: {} });
    expect(res.status).toBe(409);
    expect((await mock.control.getJob(job.id)).state).toBe("success");
  });
});
