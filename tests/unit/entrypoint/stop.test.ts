// files/entrypoint.sh: stop signals become a graceful drain (SIGQUIT), unregistering only after it.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Env, LogEntry, Running, Sandbox } from "./harness.js";
import { isCall, isEvent, useSandbox } from "./harness.js";

const sandbox = useSandbox();

type Kind = "authentication" | "registration";

/** Starts the entrypoint with these entries and waits until the stand-in's `run` is up. */
async function startRunner(sb: Sandbox, runners: [string, Kind][], env: Env = {}): Promise<Running> {
  for (const [name, kind] of runners) {
    await sb.writeSecret(
      `${name}/token`,
      kind === "registration" ? "GR1348941-fake-registration-token" : `glrt-${name}-token`,
    );
    if (kind === "registration") await sb.writeRegisterEnv(name, [`RUNNER_NAME=${name}`]);
  }
  await sb.writeStandardTemplate(runners.map(([name, kind]) => ({ name, kind })));
  const running = sb.start({ FLEET_RUNNERS: runners.map(([n, k]) => `${n}:${k}`).join(" "), ...env });
  await sb.waitForFile("run.started");
  return running;
}

const events = (log: LogEntry[]): string[] => log.flatMap((e) => (e.kind === "event" ? [e.text] : []));
const unregistered = (log: LogEntry[], sb: Sandbox): string[] =>
  log.flatMap((e) => {
    if (e.kind !== "call" || e.argv[0] !== "unregister") return [];
    expect(e.argv.slice(0, 3)).toEqual(["unregister", "--config", sb.configFile]);
    expect(e.argv[3]).toBe("--name");
    return [e.argv[4] ?? ""];
  });

describe("stop signals", () => {
  it.each(["SIGTERM", "SIGINT", "SIGQUIT"] as const)(
    "%s while gitlab-runner runs: it gets SIGQUIT, the entrypoint waits for the drain and exits 0",
    async (signal) => {
      const sb = sandbox();
      const running = await startRunner(sb, [["alpha", "authentication"]], { FAKE_DRAIN_SECONDS: "0.6" });
      const sent = Date.now();
      running.signal(signal);
      const result = await running.wait();
      const elapsed = Date.now() - sent;

      expect(result.code, result.stderr).toBe(0);
      expect(events(await sb.calls())).toEqual(["QUIT received", "drained"]); // no TERM, no INT
      expect(elapsed).toBeGreaterThanOrEqual(550); // it waited for the job to finish
      expect(result.lingering).toBe(false); // no runner process left behind
      expect(result.stderr).toContain(`${signal} received: draining; running jobs finish before gitlab-runner exits`);
      expect(result.stderr).toContain("gitlab-runner exited with status 0");
      // authentication entries stay registered by default
      expect((await sb.invocations("unregister")).length).toBe(0);
    },
  );

  it("a second SIGTERM during the drain is forwarded as SIGTERM (forceful stop)", async () => {
    const sb = sandbox();
    const running = await startRunner(sb, [["alpha", "authentication"]], { FAKE_DRAIN_SECONDS: "30" });
    running.signal("SIGTERM");
    await sb.waitForEvent("QUIT received");
    const sent = Date.now();
    running.signal("SIGTERM");
    const result = await running.wait(10_000);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(events(await sb.calls())).toEqual(["QUIT received", "TERM received"]);
    expect(result.stderr).toContain("second SIGTERM: stopping gitlab-runner forcefully");
    expect(result.stderr).toContain("gitlab-runner exited with status 1");
    expect(result.code).toBe(0); // a requested stop, as the script documents
    expect(result.lingering).toBe(false);
  });

  it("gitlab-runner exiting by itself with status 3: the entrypoint exits 3 and unregisters nothing", async () => {
    const sb = sandbox();
    await sb.writeSecret("legacy/token", "GR1348941-fake-registration-token");
    await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy"]);
    await sb.writeStandardTemplate([{ name: "legacy", kind: "registration" }]);
    const result = await sb.run({
      FLEET_RUNNERS: "legacy:registration",
      FLEET_PERSISTENT: "false",
      FLEET_UNREGISTER_MANAGER_ON_STOP: "true",
      FAKE_RUN_EXIT: "3",
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("gitlab-runner exited with status 3");
    const log = await sb.calls();
    expect(log.some(isCall("unregister"))).toBe(false);
    expect(log.map((e) => (e.kind === "call" ? e.argv[0] : e.text))).toEqual([
      "register",
      "run",
      "run exits by itself with status 3",
    ]);
    // the registered runner is kept for the container's restart
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(true);
  });
});

describe("unregistering after the drain", () => {
  it("FLEET_PERSISTENT=false: legacy entries are unregistered after gitlab-runner drained, authentication ones are not", async () => {
    const sb = sandbox();
    const running = await startRunner(
      sb,
      [
        ["alpha", "authentication"],
        ["legacy", "registration"],
      ],
      { FLEET_PERSISTENT: "false" },
    );
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(true);
    running.signal("SIGTERM");
    const result = await running.wait();
    expect(result.code, result.stderr).toBe(0);

    const log = await sb.calls();
    expect(unregistered(log, sb)).toEqual(["legacy"]);
    const quit = log.findIndex(isEvent("QUIT received"));
    const drained = log.findIndex(isEvent("drained"));
    const unregister = log.findIndex(isCall("unregister", "legacy"));
    expect(quit).toBeGreaterThan(-1);
    expect(drained).toBeGreaterThan(quit);
    expect(unregister).toBeGreaterThan(drained);
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(false); // gone with the runner
    expect(result.stderr).toContain("runner legacy: unregistering the registered runner");
  });

  it("FLEET_PERSISTENT=true: nothing is unregistered and the stored token is kept", async () => {
    const sb = sandbox();
    const running = await startRunner(sb, [["legacy", "registration"]], { FLEET_PERSISTENT: "true" });
    running.signal("SIGTERM");
    const result = await running.wait();
    expect(result.code, result.stderr).toBe(0);
    const log = await sb.calls();
    expect(log.some(isEvent("drained"))).toBe(true);
    expect(log.some(isCall("unregister"))).toBe(false);
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(true);
  });

  it("a failing unregister is logged, keeps the stored token, and the stop is still clean", async () => {
    const sb = sandbox();
    const running = await startRunner(sb, [["legacy", "registration"]], {
      FLEET_PERSISTENT: "false",
      FAKE_UNREGISTER_EXIT: "1",
    });
    running.signal("SIGTERM");
    const result = await running.wait();
    expect(result.code).toBe(0);
    expect(unregistered(await sb.calls(), sb)).toEqual(["legacy"]);
    expect(result.stderr).toContain("runner legacy: unregister failed; remove the runner in GitLab by hand");
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(true);
  });

  it("FLEET_UNREGISTER_MANAGER_ON_STOP=true: authentication entries are unregistered after the drain", async () => {
    const sb = sandbox();
    const running = await startRunner(
      sb,
      [
        ["alpha", "authentication"],
        ["beta", "authentication"],
        ["legacy", "registration"],
      ],
      { FLEET_PERSISTENT: "true", FLEET_UNREGISTER_MANAGER_ON_STOP: "true" },
    );
    running.signal("SIGTERM");
    const result = await running.wait();
    expect(result.code, result.stderr).toBe(0);
    const log = await sb.calls();
    expect(unregistered(log, sb)).toEqual(["alpha", "beta"]); // the persisted legacy runner stays
    const drained = log.findIndex(isEvent("drained"));
    expect(drained).toBeGreaterThan(log.findIndex(isEvent("QUIT received")));
    expect(log.findIndex(isCall("unregister", "alpha"))).toBeGreaterThan(drained);
    const systemId = result.stderr.match(/runner system_id (s_[0-9a-f]{12})/)?.[1];
    expect(systemId).toBeDefined();
    expect(result.stderr).toContain(`runner alpha: deleting runner manager ${systemId}`);
  });
});
