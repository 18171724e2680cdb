// files/entrypoint.sh: a stop (SIGTERM) after a legacy `register` and before `run`. Without
// persistence the runner token dies with the pod, so the runner registered for it must not stay in
// GitLab. The stand-in registers and unregisters against the mock GitLab.
import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startMockGitLab, type MockGitLab } from "../../../src/mock-gitlab/index.js";
import type { Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();
let mock: MockGitLab;
beforeEach(async () => {
  mock = await startMockGitLab({ registrationToken: "GR1348941-fake-registration" });
});
afterEach(async () => {
  await mock.close();
});

/** legacy is registered, then the stop arrives while alpha's token is being verified. */
async function stopDuringVerify(sb: Sandbox, persistent: boolean) {
  const alpha = await mock.control.createRunner();
  await sb.writeSecret("alpha/token", alpha.token);
  await sb.writeSecret("legacy/token", mock.registrationToken);
  await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy"]);
  await sb.writeStandardTemplate([
    { name: "legacy", kind: "registration" },
    { name: "alpha", kind: "authentication" },
  ]);
  const running = sb.start({
    FLEET_RUNNERS: "legacy:registration alpha:authentication",
    FLEET_PERSISTENT: String(persistent),
    FAKE_GITLAB_URL: mock.url,
    FAKE_VERIFY_BLOCK: "true",
  });
  await sb.waitForFile("verify.started");
  expect((await mock.control.listRunners()).map((r) => r.description)).toContain("legacy");
  running.signal("SIGTERM");
  await new Promise((r) => setTimeout(r, 100));
  await sb.releaseFile("verify.release");
  return running.wait();
}

describe("SIGTERM after register, before run", () => {
  it("without persistence: the registered runner is unregistered from GitLab, its token dropped, exit 0", async () => {
    const sb = sandbox();
    const result = await stopDuringVerify(sb, false);
    expect(result.code, result.stderr).toBe(0);
    expect((await mock.control.listRunners()).map((r) => r.description)).not.toContain("legacy");
    const unregister = await sb.invocations("unregister");
    expect(unregister.map((c) => c.argv)).toEqual([
      ["unregister", "--config", `${sb.stateDir}/legacy.registered.toml`, "--name", "legacy"],
    ]);
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(false);
    expect(await sb.invocations("run")).toEqual([]);
    expect(result.stderr).toContain(
      "runner legacy: unregistering the registered runner (stopped before gitlab-runner ran",
    );
  });

  it("with persistence: the runner stays registered and its token is kept for the next start", async () => {
    const sb = sandbox();
    const result = await stopDuringVerify(sb, true);
    expect(result.code, result.stderr).toBe(0);
    expect((await mock.control.listRunners()).map((r) => r.description)).toContain("legacy");
    expect(await sb.invocations("unregister")).toEqual([]);
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(true);
  });
});

it("SIGTERM while register is in flight, without persistence: the runner it registers is unregistered right after", async () => {
  const sb = sandbox();
  await sb.writeSecret("legacy/token", mock.registrationToken);
  await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy"]);
  await sb.writeStandardTemplate([{ name: "legacy", kind: "registration" }]);
  const running = sb.start({
    FLEET_RUNNERS: "legacy:registration",
    FAKE_GITLAB_URL: mock.url,
    FAKE_REGISTER_BLOCK: "true",
  });
  await sb.waitForFile("register.started");
  running.signal("SIGTERM");
  await new Promise((r) => setTimeout(r, 100));
  await sb.releaseFile("register.release");
  const result = await running.wait();
  expect(result.code, result.stderr).toBe(0);
  expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["register", "unregister"]);
  expect(await mock.control.listRunners()).toEqual([]);
});
