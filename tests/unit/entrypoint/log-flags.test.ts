// files/entrypoint.sh: logFormat/logLevel reach every gitlab-runner command. `run` reads log_format and
// log_level from config.toml; register, verify and unregister only take the global flags, which
// urfave/cli accepts before the command name (log/configuration.go ConfigureLogging).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();

async function prepare(sb: Sandbox, settings: string): Promise<void> {
  await sb.writeSecret("alpha/token", "glrt-alpha-token");
  await sb.writeSecret("legacy/token", "GR1348941-fake-registration-token");
  await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy"]);
  await sb.writeStandardTemplate([
    { name: "legacy", kind: "registration" },
    { name: "alpha", kind: "authentication" },
  ]);
  await sb.writeTemplate(`${settings}\n${await readFile(sb.templatePath, "utf8")}`);
}

async function lifeCycle(sb: Sandbox, env: Record<string, string>) {
  const running = sb.start({
    FLEET_RUNNERS: "legacy:registration alpha:authentication",
    FLEET_PERSISTENT: "false",
    ...env,
  });
  await sb.waitForFile("run.started");
  running.signal("SIGTERM");
  const result = await running.wait();
  expect(result.code, result.stderr).toBe(0);
  return Object.fromEntries((await sb.invocations()).map((c) => [c.argv[0], c.globals]));
}

describe("global log flags", () => {
  it("the config template's log_format and log_level go to register, verify and unregister", async () => {
    const sb = sandbox();
    await prepare(sb, 'log_level = "debug"\nlog_format = "json"');
    const globals = await lifeCycle(sb, { FLEET_LOG_FORMAT: "" });
    const expected = { "log-format": "json", "log-level": "debug" };
    expect(globals).toEqual({ register: expected, verify: expected, unregister: expected, run: {} });
  });

  it("FLEET_LOG_FORMAT wins for the format; a level above info is kept except for verify", async () => {
    const sb = sandbox();
    await prepare(sb, 'log_level = "warning"\nlog_format = "json"');
    const globals = await lifeCycle(sb, { FLEET_LOG_FORMAT: "text" });
    expect(globals.register).toEqual({ "log-format": "text", "log-level": "warning" });
    expect(globals.unregister).toEqual({ "log-format": "text", "log-level": "warning" });
    expect(globals.verify).toEqual({ "log-format": "text", "log-level": "info" });
  });
});
