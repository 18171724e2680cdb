// Where real GitLab clients (other than gitlab-runner) differ from the runner, the mock is as lenient as GitLab:
// Grape's boolean coercion, Rails ignoring the Content-Range end, and routes that take a trailing slash.
import { describe, expect, it } from "vitest";
import { call, createRunner, patchTrace, runningJob, startMock } from "./helpers.js";

const REGISTRATION_TOKEN = "GR1348941lenient-registration";

async function registerForm(
  mock: Awaited<ReturnType<typeof startMock>>,
  runUntagged: string,
  path = "/api/v4/runners",
) {
  return call(mock, "POST", path, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: REGISTRATION_TOKEN, tag_list: "docker", run_untagged: runUntagged }).toString(),
  });
}

describe("boolean parameters (Grape's coercion)", () => {
  it.each(["False", "false", "FALSE", "f", "0", "no", "off", "N"])(
    "registers a form-encoded run_untagged=%s as false",
    async (value) => {
      const mock = await startMock({ registrationToken: REGISTRATION_TOKEN });
      const res = await registerForm(mock, value);
      expect(res.status, res.text).toBe(201);
      const runner = (await mock.control.listRunners()).find((r) => r.id === res.body.id);
      expect(runner?.run_untagged).toBe(false);
    },
  );

  it.each(["True", "true", "TRUE", "t", "1", "yes", "on", "Y"])(
    "registers a form-encoded run_untagged=%s as true",
    async (value) => {
      const mock = await startMock({ registrationToken: REGISTRATION_TOKEN });
      const res = await registerForm(mock, value);
      expect(res.status, res.text).toBe(201);
      const runner = (await mock.control.listRunners()).find((r) => r.id === res.body.id);
      expect(runner?.run_untagged).toBe(true);
    },
  );

  it("still answers 400 naming the key for a value Grape cannot coerce", async () => {
    const mock = await startMock({ registrationToken: REGISTRATION_TOKEN });
    const res = await registerForm(mock, "maybe");
    expect(res.status).toBe(400);
    expect(res.text).toContain("run_untagged");
    expect(await mock.control.listRunners()).toEqual([]);
  });
});

describe("PATCH /api/v4/jobs/:id/trace Content-Range end", () => {
  it("accepts an exclusive end (start + size), as GitLab does not enforce the inclusive end", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    const first = await patchTrace(mock, job.id, job.token, "hello", 0, "0-5");
    expect(first.status, first.text).toBe(202);
    expect(first.headers.get("range")).toBe("0-5");
    const second = await patchTrace(mock, job.id, job.token, " world", 5, "5-11");
    expect(second.status, second.text).toBe(202);
    expect((await mock.control.getJob(job.id)).trace).toBe("hello world");
  });

  it("still answers 416 with Range for an exclusive range at the wrong start", async () => {
    const mock = await startMock();
    const job = await runningJob(mock);
    await patchTrace(mock, job.id, job.token, "hello", 0, "0-5");
    const ahead = await patchTrace(mock, job.id, job.token, "xyz", 9, "9-12");
    expect(ahead.status).toBe(416);
    expect(ahead.headers.get("range")).toBe("0-5");
  });
});

describe("trailing slashes", () => {
  it("registers through POST /api/v4/runners/ like POST /api/v4/runners", async () => {
    const mock = await startMock({ registrationToken: REGISTRATION_TOKEN });
    const res = await registerForm(mock, "false", "/api/v4/runners/");
    expect(res.status, res.text).toBe(201);
    expect(await mock.control.listRunners()).toHaveLength(1);
  });

  it("routes other API paths with a trailing slash, keeping the query string", async () => {
    const mock = await startMock();
    const runner = await createRunner(mock);
    const verify = await call(mock, "POST", "/api/v4/runners/verify/", {
      json: { token: runner.token, system_id: "s_0123456789ab" },
    });
    expect(verify.status, verify.text).toBe(200);
    const job = await runningJob(mock);
    const trace = await patchTrace(mock, job.id, job.token, "x", 0);
    expect(trace.status).toBe(202);
    const slash = await call(mock, "PATCH", `/api/v4/jobs/${job.id}/trace/?debug_trace=false`, {
      headers: { "JOB-TOKEN": job.token, "Content-Type": "text/plain", "Content-Range": "1-1" },
      body: "y",
    });
    expect(slash.status, slash.text).toBe(202);
    expect((await mock.control.getJob(job.id)).trace).toBe("xy");
  });

  it("still answers 404 for an unknown path, with or without the slash", async () => {
    const mock = await startMock();
    expect((await call(mock, "GET", "/api/v4/nothing-here/")).status).toBe(404);
    expect((await call(mock, "GET", "/api/v4/nothing-here")).status).toBe(404);
  });
});
