// The real gitlab-runner (Chart.yaml appVersion) driven by the chart's entrypoint and rendered config.toml,
// against the in-process mock GitLab on loopback. Jobs use the shell executor so they complete without a kubelet;
// what is asserted is the manager's life: start, registration, drain, identity, faults, token rotation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startMockGitLab, type MockGitLab } from "../../src/mock-gitlab/index.js";
import type { MockGitLabOptions } from "../../src/mock-gitlab/index.js";
import { managerSystemId } from "../../src/testing/e2e/fleet.js";
import { LocalPod, NAMESPACE, POD, RELEASE, shellValues, until } from "./support.js";

const bin = inject("gitlabRunnerBin");
const SYSTEM_ID = managerSystemId({ namespace: NAMESPACE, release: RELEASE, pod: POD });
const finished = (state: string): boolean => state === "success" || state === "failed";

describe.skipIf(bin === null)("the chart's manager with the real gitlab-runner", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const setup = async (options: MockGitLabOptions = {}): Promise<{ mock: MockGitLab; pod: LocalPod }> => {
    const mock = await startMockGitLab({ longPollMs: 0, ...options });
    const pod = new LocalPod(bin ?? "gitlab-runner", mock);
    cleanups.push(
      () => mock.close(),
      () => pod.cleanup(),
    );
    return { mock, pod };
  };

  it("starts with a glrt- token without registering, appears with the deterministic system_id and runs a job", async () => {
    const { mock, pod } = await setup();
    const { id: runnerId, token } = await mock.control.createRunner({ run_untagged: true });
    const run = await pod.start(shellValues({ value: token }));
    await until(
      "the manager in the mock",
      60_000,
      async () => (await mock.control.managers(runnerId)).some((m) => m.system_id === SYSTEM_ID),
      run,
    );
    expect(readFileSync(join(run.manager.configDir, ".runner_system_id"), "utf8")).toBe(SYSTEM_ID);
    const { id } = await mock.control.enqueueJob({ script: ["echo runner-tier-$((40 + 2))"] });
    const job = await mock.control.waitForJob(id, (j) => finished(j.state), 120_000, { intervalMs: 250 });
    expect(job.state, job.trace).toBe("success");
    expect(job.trace).toContain("runner-tier-42");
    expect(await mock.control.requests({ endpoint: "runners" })).toEqual([]);
    expect((await mock.control.requests({ endpoint: "runners/verify" })).length).toBeGreaterThanOrEqual(1);
  });

  it("gives one clear error for a rejected token after a bounded number of attempts", async () => {
    const { mock, pod } = await setup();
    const run = await pod.start(
      shellValues({ value: "glrt-FAKEREJECTED0000000" }, { lifecycle: { startAttempts: 3 } }),
    );
    const { code } = await run.exited;
    expect(code).toBe(1);
    const fatal = run
      .output()
      .split("\n")
      .filter((l) => l.includes("rejected the authentication token 3 times"));
    expect(fatal, run.output()).toHaveLength(1);
    expect((await mock.control.requests({ endpoint: "runners/verify" })).length).toBe(3);
    expect(run.output()).not.toContain("glrt-FAKEREJECTED0000000");
  });

  it("registers a legacy entry once and reuses it after a restart (persistent config directory)", async () => {
    const { mock, pod } = await setup();
    const values = shellValues(
      { kind: "registration", value: mock.registrationToken },
      { persistence: { enabled: true } },
    );
    const first = await pod.start(values);
    await until("one registered runner", 60_000, async () => (await mock.control.listRunners()).length === 1, first);
    first.signal("SIGTERM");
    expect((await first.exited).code).toBe(0);
    const second = await pod.start(values);
    await until(
      "the restarted manager polling for jobs",
      60_000,
      async () =>
        (await mock.control.requests({ endpoint: "jobs/request" })).length > 0 &&
        second.output().includes("starting gitlab-runner"),
      second,
    );
    expect(second.output()).toContain("reusing the runner registered earlier");
    expect((await mock.control.requests({ endpoint: "runners" })).filter((r) => r.status === 201)).toHaveLength(1);
    expect(await mock.control.listRunners()).toHaveLength(1);
  });

  it("drains on SIGTERM: the running job succeeds before the manager exits 0", async () => {
    const { mock, pod } = await setup();
    const { token } = await mock.control.createRunner({ run_untagged: true });
    const run = await pod.start(shellValues({ value: token }));
    const { id } = await mock.control.enqueueJob({ script: ["sleep 8", "echo drained"] });
    await mock.control.waitForJob(id, (j) => j.state === "running", 60_000, { intervalMs: 200 });
    run.signal("SIGTERM");
    const job = await mock.control.waitForJob(id, (j) => finished(j.state), 120_000, { intervalMs: 250 });
    expect(job.state, job.trace).toBe("success");
    expect(job.trace).toContain("drained");
    expect((await run.exited).code).toBe(0);
  });

  it("comes back as the same manager after SIGKILL: same system_id, no second manager", async () => {
    const { mock, pod } = await setup();
    const { id: runnerId, token } = await mock.control.createRunner({ run_untagged: true });
    const first = await pod.start(shellValues({ value: token }));
    await until(
      "the manager in the mock",
      60_000,
      async () => (await mock.control.managers(runnerId)).length === 1,
      first,
    );
    first.killGroup();
    await first.exited;
    const second = await pod.start(shellValues({ value: token }));
    const before = (await mock.control.requests({ endpoint: "jobs/request" })).length;
    await until(
      "the restarted manager polling",
      60_000,
      async () => (await mock.control.requests({ endpoint: "jobs/request" })).length > before,
      second,
    );
    const managers = await mock.control.managers(runnerId);
    expect(managers.map((m) => m.system_id)).toEqual([SYSTEM_ID]);
  });

  it("starts through GitLab 5xx answers and a dropped connection, and then runs jobs", async () => {
    const { mock, pod } = await setup();
    const { token } = await mock.control.createRunner({ run_untagged: true });
    await mock.control.injectFault({ endpoint: "runners/verify", status: 503, times: 1 });
    await mock.control.injectFault({ endpoint: "jobs/request", status: 500, times: 3 });
    await mock.control.injectFault({ endpoint: "jobs/request", drop: true, times: 1 });
    const run = await pod.start(shellValues({ value: token }));
    await until("gitlab-runner started", 60_000, async () => run.output().includes("starting gitlab-runner"), run);
    expect(run.output()).toContain("GitLab did not answer the token check");
    const { id } = await mock.control.enqueueJob({ script: ["echo after-faults"] });
    const job = await mock.control.waitForJob(id, (j) => finished(j.state), 180_000, { intervalMs: 250 });
    expect(job.state, job.trace).toBe("success");
    expect(await mock.control.faults()).toEqual([]);
    expect(run.child.exitCode).toBeNull();
  });

  it("keeps a token the runner rotated across a restart, so the replaced token is never sent again", async () => {
    // Tokens expire after 40 s: the runner rotates at 75 % of that (about 30 s after registration).
    const { mock, pod } = await setup({ tokenExpiresInSeconds: 40 });
    const values = shellValues(
      { kind: "registration", value: mock.registrationToken },
      { persistence: { enabled: true } },
    );
    const first = await pod.start(values);
    await until(
      "a rotated token",
      90_000,
      async () =>
        (await mock.control.requests({ endpoint: "runners/reset_authentication_token" })).some((r) => r.status === 201),
      first,
    );
    const [runner] = await mock.control.listRunners();
    await until(
      "config.toml rewritten by the runner with the new token",
      30_000,
      async () => readFileSync(first.manager.configFile, "utf8").includes(`token = "${runner?.token}"`),
      first,
    );
    first.signal("SIGTERM");
    await first.exited;
    const second = await pod.start(values);
    const { id } = await mock.control.enqueueJob({ script: ["echo with-rotated-token"] });
    const job = await mock.control.waitForJob(id, (j) => finished(j.state), 120_000, { intervalMs: 250 });
    expect(job.state, job.trace).toBe("success");
    expect(readFileSync(second.manager.configFile, "utf8")).toContain(
      `token = "${(await mock.control.listRunners())[0]?.token}"`,
    );
    expect((await mock.control.requests({ endpoint: "runners" })).filter((r) => r.status === 201)).toHaveLength(1);
  });
});
