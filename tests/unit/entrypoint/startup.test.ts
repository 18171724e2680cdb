// files/entrypoint.sh: token verification and legacy registration before gitlab-runner starts.
import { existsSync } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "./harness.js";
import { REGISTERED_TOKEN, isCall, optionOf, useSandbox } from "./harness.js";

const sandbox = useSandbox();

const REGISTRATION_TOKEN = "GR1348941-fake-registration-token";

async function prepare(
  sb: Sandbox,
  runners: { name: string; kind: "authentication" | "registration" }[],
): Promise<void> {
  for (const r of runners) {
    await sb.writeSecret(`${r.name}/token`, r.kind === "registration" ? REGISTRATION_TOKEN : `glrt-${r.name}-token`);
    if (r.kind === "registration") {
      await sb.writeRegisterEnv(r.name, [
        "REGISTER_NON_INTERACTIVE=true",
        "CI_SERVER_URL=https://gitlab.example.com",
        `RUNNER_NAME=${r.name}`,
        "RUNNER_EXECUTOR=kubernetes",
        "RUNNER_TAG_LIST=docker,linux",
        "REGISTER_RUN_UNTAGGED=false",
        'REGISTER_MAINTENANCE_NOTE=managed by "helm" = do not edit',
        "lowercase_ignored=1",
        "# a comment",
      ]);
    }
  }
  await sb.writeStandardTemplate(runners);
}

const runnerTokens = async (sb: Sandbox): Promise<Record<string, string>> => {
  const config = parse(await readFile(sb.configFile, "utf8")) as { runners: { name: string; token: string }[] };
  return Object.fromEntries(config.runners.map((r) => [r.name, r.token]));
};

describe("authentication-token entries", () => {
  it("are verified one by one with `verify --config ... --name <name>`, then the runner starts; nothing is registered", async () => {
    const sb = sandbox();
    await prepare(sb, [
      { name: "alpha", kind: "authentication" },
      { name: "beta", kind: "authentication" },
    ]);
    const result = await sb.run({ FLEET_RUNNERS: "alpha:authentication beta:authentication", FAKE_RUN_EXIT: "0" });
    expect(result.code, result.stderr).toBe(0);

    const calls = await sb.invocations();
    expect(calls.map((c) => c.argv)).toEqual([
      ["verify", "--config", sb.configFile, "--name", "alpha"],
      ["verify", "--config", sb.configFile, "--name", "beta"],
      ["run", "--config", sb.configFile, "--working-directory", sb.configDir],
    ]);
    // config.toml is rendered before the first verify reads it; tokens never reach the environment.
    expect(calls.every((c) => c.config === "present")).toBe(true);
    expect(calls.every((c) => c.env.REGISTRATION_TOKEN === undefined)).toBe(true);
    expect(await runnerTokens(sb)).toEqual({ alpha: "glrt-alpha-token", beta: "glrt-beta-token" });
    expect(result.stderr).toContain("runner alpha: token accepted by GitLab");
    expect(result.stderr).toContain("runner beta: token accepted by GitLab");
  });

  it("a rejected token is retried FLEET_START_ATTEMPTS times, then the start fails naming the entry", async () => {
    const sb = sandbox();
    await prepare(sb, [
      { name: "alpha", kind: "authentication" },
      { name: "beta", kind: "authentication" },
    ]);
    const result = await sb.run({
      FLEET_RUNNERS: "alpha:authentication beta:authentication",
      FLEET_START_ATTEMPTS: "3",
      FAKE_VERIFY_REJECT: "beta",
      FAKE_RUN_EXIT: "0",
    });
    expect(result.code).toBe(1);
    const calls = await sb.invocations();
    expect(calls.map((c) => `${c.argv[0]} ${optionOf(c, "--name") ?? ""}`)).toEqual([
      "verify alpha",
      "verify beta",
      "verify beta",
      "verify beta",
    ]);
    expect(calls.some(isCall("run"))).toBe(false);
    expect(result.stderr).toContain("runner beta: GitLab rejected the authentication token (attempt 1 of 3)");
    expect(result.stderr).toContain("runner beta: GitLab rejected the authentication token (attempt 3 of 3)");
    expect(result.stderr).toMatch(
      /gitlab-runner-fleet error +runner beta: GitLab rejected the authentication token 3 times; create the runner in GitLab/,
    );
    expect(result.stderr.match(/retrying in 0s/g)).toHaveLength(2); // between attempts only
  });

  it("FLEET_VERIFY_TOKENS=false skips verify", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "alpha", kind: "authentication" }]);
    const result = await sb.run({ FLEET_VERIFY_TOKENS: "false", FAKE_VERIFY_REJECT: "all", FAKE_RUN_EXIT: "0" });
    expect(result.code, result.stderr).toBe(0);
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["run"]);
  });

  it("SIGTERM while a verify is in flight: the start stops after it, the runner is never started", async () => {
    const sb = sandbox();
    await prepare(sb, [
      { name: "alpha", kind: "authentication" },
      { name: "beta", kind: "authentication" },
    ]);
    const running = sb.start({ FLEET_RUNNERS: "alpha:authentication beta:authentication", FAKE_VERIFY_BLOCK: "true" });
    await sb.waitForFile("verify.started");
    running.signal("SIGTERM");
    await sb.releaseFile("verify.release");
    const result = await running.wait();
    expect(result.code).toBe(0);
    expect((await sb.invocations()).map((c) => `${c.argv[0]} ${optionOf(c, "--name") ?? ""}`)).toEqual([
      "verify alpha",
    ]);
  });
});

describe("legacy (registration-token) entries", () => {
  it("register once with the env file's variables and REGISTRATION_TOKEN; the token is stored and put in config.toml", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "legacy", kind: "registration" }]);
    const result = await sb.run({ FLEET_RUNNERS: "legacy:registration", FAKE_RUN_EXIT: "0" });
    expect(result.code, result.stderr).toBe(0);

    const calls = await sb.invocations();
    expect(calls.map((c) => c.argv[0])).toEqual(["register", "run"]); // a legacy entry is not verified
    const [register, run] = calls;
    const scratch = join(sb.stateDir, "legacy.registered.toml");
    expect(register?.argv).toEqual(["register", "--non-interactive", "--config", scratch]);
    expect(register?.config).toBe("absent");
    expect(register?.env).toEqual({
      REGISTRATION_TOKEN,
      REGISTER_NON_INTERACTIVE: "true",
      CI_SERVER_URL: "https://gitlab.example.com",
      RUNNER_NAME: "legacy",
      RUNNER_EXECUTOR: "kubernetes",
      RUNNER_TAG_LIST: "docker,linux",
      REGISTER_RUN_UNTAGGED: "false",
      REGISTER_MAINTENANCE_NOTE: 'managed by "helm" = do not edit',
    });
    // Neither the registration token nor the registration variables leak into the runner's environment.
    expect(run?.env).toEqual({});

    expect(await readFile(sb.storedTokenPath("legacy"), "utf8")).toBe(REGISTERED_TOKEN);
    expect((await stat(sb.storedTokenPath("legacy"))).mode & 0o777).toBe(0o600);
    expect(existsSync(scratch)).toBe(false);
    expect(await runnerTokens(sb)).toEqual({ legacy: REGISTERED_TOKEN });
    expect(result.stderr).toContain("runner legacy: registered");
  });

  it("a second start with the stored token (persistent config dir) does not register again", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "legacy", kind: "registration" }]);
    const env = { FLEET_RUNNERS: "legacy:registration", FLEET_PERSISTENT: "true", FAKE_RUN_EXIT: "0" };
    expect((await sb.run(env)).code).toBe(0);
    expect((await sb.invocations("register")).length).toBe(1);

    await sb.resetLog();
    await rm(sb.configFile);
    await rm(sb.tokenPath("legacy")); // the registration token is not even needed any more
    const second = await sb.run(env);
    expect(second.code, second.stderr).toBe(0);
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["run"]);
    expect(await runnerTokens(sb)).toEqual({ legacy: REGISTERED_TOKEN });
    expect(second.stderr).toContain("runner legacy: reusing the runner registered earlier");
  });

  it("register failing twice then succeeding with FLEET_START_ATTEMPTS=3 makes three register calls", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "legacy", kind: "registration" }]);
    const result = await sb.run({
      FLEET_RUNNERS: "legacy:registration",
      FLEET_START_ATTEMPTS: "3",
      FAKE_REGISTER_FAILS: "2",
      FAKE_RUN_EXIT: "0",
    });
    expect(result.code, result.stderr).toBe(0);
    const registers = await sb.invocations("register");
    expect(registers).toHaveLength(3);
    expect(registers.every((c) => c.env.REGISTRATION_TOKEN === REGISTRATION_TOKEN && c.config === "absent")).toBe(true);
    expect((await sb.invocations("run")).length).toBe(1);
    expect(await readFile(sb.storedTokenPath("legacy"), "utf8")).toBe(REGISTERED_TOKEN);
    expect(result.stderr).toContain("registering with the registration token (attempt 3 of 3)");
  });

  it("register failing FLEET_START_ATTEMPTS times fails the start naming the entry; nothing is stored or run", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "legacy", kind: "registration" }]);
    const result = await sb.run({
      FLEET_RUNNERS: "legacy:registration",
      FLEET_START_ATTEMPTS: "3",
      FAKE_REGISTER_FAILS: "3",
      FAKE_RUN_EXIT: "0",
    });
    expect(result.code).toBe(1);
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["register", "register", "register"]);
    expect(result.stderr).toContain("runner legacy: registration failed 3 times");
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(false);
    expect(existsSync(sb.configFile)).toBe(false);
  });

  it("a register that exits 0 without writing a token counts as a failed attempt", async () => {
    const sb = sandbox();
    await prepare(sb, [{ name: "legacy", kind: "registration" }]);
    const result = await sb.run({
      FLEET_RUNNERS: "legacy:registration",
      FLEET_START_ATTEMPTS: "2",
      FAKE_REGISTER_TOKEN: "",
      FAKE_RUN_EXIT: "0",
    });
    expect(result.code).toBe(1);
    expect((await sb.invocations("register")).length).toBe(2);
    expect(result.stderr).toContain("runner legacy: register succeeded but wrote no token");
    expect(existsSync(sb.storedTokenPath("legacy"))).toBe(false);
  });

  it("mixed entries: legacy ones are registered, authentication ones verified, in that order", async () => {
    const sb = sandbox();
    await prepare(sb, [
      { name: "alpha", kind: "authentication" },
      { name: "legacy", kind: "registration" },
    ]);
    const result = await sb.run({ FLEET_RUNNERS: "alpha:authentication legacy:registration", FAKE_RUN_EXIT: "0" });
    expect(result.code, result.stderr).toBe(0);
    expect((await sb.invocations()).map((c) => `${c.argv[0]} ${optionOf(c, "--name") ?? ""}`.trim())).toEqual([
      "register",
      "verify alpha",
      "run",
    ]);
    expect(await runnerTokens(sb)).toEqual({ alpha: "glrt-alpha-token", legacy: REGISTERED_TOKEN });
  });
});

describe("token files", () => {
  it("are read where FLEET_RUNNERS says, not at a path the entrypoint builds from the entry name", async () => {
    const sb = sandbox();
    const legacyFile = await sb.writeSecret("mounted/legacy-registration-token", REGISTRATION_TOKEN);
    const alphaFile = await sb.writeSecret("mounted/alpha-authentication-token", "glrt-alpha-token");
    await sb.writeRegisterEnv("legacy", [
      "REGISTER_NON_INTERACTIVE=true",
      "CI_SERVER_URL=https://gitlab.example.com",
      "RUNNER_NAME=legacy",
    ]);
    await sb.writeTemplate(
      [
        "concurrent = 4",
        "",
        "[[runners]]",
        '  name = "alpha"',
        `  token = "fleet-secret-file:${alphaFile}"`,
        "",
        "[[runners]]",
        '  name = "legacy"',
        '  token = "fleet-registered:legacy"',
        "",
      ].join("\n"),
    );
    const result = await sb.run({
      FLEET_RUNNERS: `alpha:authentication:${alphaFile} legacy:registration:${legacyFile}`,
      FAKE_RUN_EXIT: "0",
    });
    expect(result.code, result.stderr).toBe(0);
    const [register] = await sb.invocations();
    expect(register?.env.REGISTRATION_TOKEN).toBe(REGISTRATION_TOKEN);
    expect(await runnerTokens(sb)).toEqual({ alpha: "glrt-alpha-token", legacy: REGISTERED_TOKEN });
    // The authentication token was recognised as alpha's own, so a later rotation can be told apart.
    expect(existsSync(join(sb.stateDir, "alpha.written"))).toBe(true);
  });
});
