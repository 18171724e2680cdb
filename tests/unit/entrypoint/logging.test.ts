// files/entrypoint.sh: what it prints — never a token, and JSON lines with FLEET_LOG_FORMAT=json.
import { readFile, rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Env, ExitResult, Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();

const TOKENS = {
  alpha: "glrt-ALPHA-auth-token-5ecret",
  beta: "glrt-BETA-auth-token-5ecret",
  registration: "GR1348941-REGISTRATION-5ecret",
  registered: "glrt-REGISTERED-runner-5ecret",
  s3: "S3-5ecret-key/with+chars",
};

async function prepare(sb: Sandbox): Promise<void> {
  await sb.writeSecret("alpha/token", TOKENS.alpha);
  await sb.writeSecret("beta/token", `${TOKENS.beta}\n`);
  await sb.writeSecret("legacy/token", TOKENS.registration);
  const s3 = await sb.writeSecret("alpha/cache-s3-secret-key", TOKENS.s3);
  await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy", "RUNNER_TAG_LIST=k8s"]);
  await sb.writeStandardTemplate([
    { name: "alpha", kind: "authentication" },
    { name: "beta", kind: "authentication" },
    { name: "legacy", kind: "registration" },
  ]);
  const template = await readFile(sb.templatePath, "utf8");
  await sb.writeTemplate(`${template}\n[runners.cache.s3]\nSecretKey = "fleet-secret-file:${s3}"\n`);
}

const baseEnv: Env = {
  FLEET_RUNNERS: "alpha:authentication beta:authentication legacy:registration",
  FAKE_REGISTER_TOKEN: TOKENS.registered,
};

/** A whole life: register (after a failure), verify, run, drain on SIGTERM, unregister. */
async function fullLifecycle(sb: Sandbox, env: Env = {}): Promise<ExitResult> {
  const running = sb.start({
    ...baseEnv,
    FAKE_REGISTER_FAILS: "1",
    FLEET_PERSISTENT: "false",
    FLEET_UNREGISTER_MANAGER_ON_STOP: "true",
    ...env,
  });
  await sb.waitForFile("run.started");
  running.signal("SIGTERM");
  return running.wait();
}

describe("entrypoint output", () => {
  it("never contains a token, through registration, verification, drain, unregistering and failures", async () => {
    const sb = sandbox();
    await prepare(sb);
    const outputs: string[] = [];

    const life = await fullLifecycle(sb);
    expect(life.code, life.stderr).toBe(0);
    outputs.push(life.stdout, life.stderr);
    // The run really handled every token: otherwise their absence from the output proves nothing.
    const config = await readFile(sb.configFile, "utf8");
    for (const token of [TOKENS.alpha, TOKENS.beta, TOKENS.registered, TOKENS.s3]) expect(config).toContain(token);
    expect((await sb.invocations("register"))[0]?.env.REGISTRATION_TOKEN).toBe(TOKENS.registration);
    expect(life.stderr).toContain("runner legacy: registered");
    expect(life.stderr).toContain("runner legacy: unregistering the registered runner");

    // Failures: rejected token, failing registration.
    await sb.resetLog();
    const rejected = await sb.run({ ...baseEnv, FAKE_VERIFY_REJECT: "beta", FLEET_START_ATTEMPTS: "2" });
    expect(rejected.code).toBe(1);
    outputs.push(rejected.stdout, rejected.stderr);
    await sb.resetLog();
    await rm(sb.storedTokenPath("legacy"), { force: true });
    const unregistrable = await sb.run({ ...baseEnv, FAKE_REGISTER_FAILS: "9", FLEET_START_ATTEMPTS: "2" });
    expect(unregistrable.code).toBe(1);
    outputs.push(unregistrable.stdout, unregistrable.stderr);

    const all = outputs.join("\n");
    expect(all).toContain("gitlab-runner-fleet");
    for (const [what, token] of Object.entries(TOKENS)) {
      expect(all.includes(token), `${what} token appears in the output`).toBe(false);
    }
    // not even a recognisable part of one
    expect(all).not.toMatch(/5ecret/);
  });

  it("runner format: each line of the entrypoint's own is `<UTC time> gitlab-runner-fleet <level> <message>`", async () => {
    const sb = sandbox();
    await prepare(sb);
    const result = await fullLifecycle(sb);
    expect(result.code).toBe(0);
    const own = result.stderr.split("\n").filter((l) => l.includes("gitlab-runner-fleet"));
    expect(own.length).toBeGreaterThanOrEqual(10);
    for (const line of own) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ gitlab-runner-fleet (info|warning|error) +\S/);
    }
    expect(result.stdout).toBe("");
  });

  it("FLEET_LOG_FORMAT=json: every line the entrypoint prints is a JSON object with level and msg", async () => {
    const sb = sandbox();
    await prepare(sb);
    const life = await fullLifecycle(sb, { FLEET_LOG_FORMAT: "json" });
    expect(life.code, life.stderr).toBe(0);

    // An error whose message carries characters JSON must escape: a backslash in a path.
    await sb.resetLog();
    const odd = `${sb.secretsDir}/odd\\dir/token`;
    await sb.writeTemplate(`[[runners]]\n  name = "alpha"\n  token = "fleet-secret-file:${odd}"\n`);
    const failed = await sb.run({ FLEET_RUNNERS: "alpha:authentication", FLEET_LOG_FORMAT: "json" });
    expect(failed.code).toBe(78);

    const lines = [life.stdout, life.stderr, failed.stdout, failed.stderr]
      .join("\n")
      .split("\n")
      .filter((l) => l.includes("gitlab-runner-fleet"));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const records = lines.map((line) => {
      let record: unknown;
      expect(() => (record = JSON.parse(line)), line).not.toThrow();
      return record as Record<string, unknown>;
    });
    for (const record of records) {
      expect(record).toMatchObject({
        level: expect.stringMatching(/^(info|warning|error)$/),
        source: "gitlab-runner-fleet",
      });
      expect(typeof record.msg).toBe("string");
      expect(record.msg).not.toBe("");
      expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    const messages = records.map((r) => `${String(r.level)}: ${String(r.msg)}`);
    expect(messages).toContain("info: SIGTERM received: draining; running jobs finish before gitlab-runner exits");
    expect(messages).toContain(
      `error: config.toml: secret file ${odd} is missing or unreadable; check the Secret and key named in values`,
    );
  });
});
