// files/entrypoint.sh: what `gitlab-runner verify` really said. The pinned runner (19.4.0,
// commands/verify.go + network/gitlab.go VerifyRunner) exits 1 both for a 403 and for a config.toml
// it cannot load, and exits 0 after a network or TLS error; only its log lines tell them apart. The
// stand-in prints those lines as the runner does, in each --log-format.
import { describe, expect, it } from "vitest";
import type { Env, Sandbox } from "./harness.js";
import { optionOf, useSandbox } from "./harness.js";

const sandbox = useSandbox();

async function prepare(sb: Sandbox, names: string[] = ["alpha"]): Promise<void> {
  for (const name of names) await sb.writeSecret(`${name}/token`, `glrt-${name}-token`);
  await sb.writeStandardTemplate(names.map((name) => ({ name, kind: "authentication" as const })));
}

const FORMATS = ["runner", "text", "json"] as const;

/** stderr with JSON lines replaced by their msg, so assertions read the same in every format. */
const readable = (stderr: string): string =>
  stderr
    .split("\n")
    .map((line) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
      } catch {
        return line;
      }
    })
    .join("\n");
const CONFIG_ERROR =
  'decoding configuration file: toml: line 12 (last key "runners.kubernetes.affinity"): type mismatch';

describe.each(FORMATS)("gitlab-runner verify with --log-format %s", (format) => {
  const env = (extra: Env = {}): Env => ({ FLEET_LOG_FORMAT: format, FAKE_RUN_EXIT: "0", ...extra });

  it("a config.toml the runner cannot load: one verify, exit 78, the runner's own message, no token blame", async () => {
    const sb = sandbox();
    await prepare(sb);
    const result = await sb.run(env({ FAKE_CONFIG_ERROR: CONFIG_ERROR }));
    result.stderr = readable(result.stderr);
    expect(result.code, result.stderr).toBe(78);
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["verify"]); // not retried, never run
    expect(result.stderr).toContain(`runner alpha: gitlab-runner could not load ${sb.configFile}: ${CONFIG_ERROR}`);
    expect(result.stderr).not.toContain("rejected");
    expect(result.stderr).not.toContain("retrying");
  });

  it("an entry missing from config.toml is a configuration error too", async () => {
    const sb = sandbox();
    await prepare(sb);
    const template = (await import("node:fs/promises")).readFile;
    await sb.writeTemplate((await template(sb.templatePath, "utf8")).replace('name = "alpha"', 'name = "renamed"'));
    const result = await sb.run(env());
    result.stderr = readable(result.stderr);
    expect(result.code, result.stderr).toBe(78);
    expect(result.stderr).toContain("gitlab-runner could not load");
    expect(result.stderr).toContain("no runner matches the filtering parameters");
  });

  it("GitLab unreachable: never 'token accepted'; a warning with the runner's reason, and gitlab-runner starts (it retries by itself)", async () => {
    const sb = sandbox();
    await prepare(sb);
    const result = await sb.run(env({ FAKE_VERIFY_UNREACHABLE: "true" }));
    result.stderr = readable(result.stderr);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("token accepted");
    expect(result.stderr).toContain("runner alpha: GitLab did not answer the token check (execute JSON request: Post");
    expect(result.stderr).toContain("connect: connection refused); the token is not verified");
    expect(result.stderr).toContain("runner alpha: starting without a verified token");
    expect((await sb.invocations()).map((c) => c.argv[0])).toEqual(["verify", "run"]);
  });

  it("a 403 is a rejected token (retried, then exit 1); a 200 is 'token accepted'", async () => {
    const sb = sandbox();
    await prepare(sb, ["alpha", "beta"]);
    const result = await sb.run(
      env({ FLEET_RUNNERS: "alpha:authentication beta:authentication", FAKE_VERIFY_REJECT: "beta" }),
    );
    result.stderr = readable(result.stderr);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("runner alpha: token accepted by GitLab");
    expect(result.stderr).toContain("runner beta: GitLab rejected the authentication token (attempt 3 of 3)");
    expect(result.stderr).not.toContain("could not load");
    const calls = await sb.invocations();
    expect(calls.map((c) => `${c.argv[0]} ${optionOf(c, "--name")}`)).toEqual([
      "verify alpha",
      "verify beta",
      "verify beta",
      "verify beta",
    ]);
  });

  it("the runner's own verify lines still reach the pod log", async () => {
    const sb = sandbox();
    await prepare(sb);
    const result = await sb.run(env());
    expect(result.stderr).toContain("Verifying runner... is valid");
  });
});

it("verify runs at info level even when logLevel is higher: its 'is not valid' verdict is an info line", async () => {
  const sb = sandbox();
  await prepare(sb);
  const result = await sb.run({ FLEET_LOG_LEVEL: "error", FAKE_VERIFY_REJECT: "alpha", FLEET_START_ATTEMPTS: "1" });
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toContain("runner alpha: GitLab rejected the authentication token");
  const [verify] = await sb.invocations("verify");
  expect(verify?.globals["log-level"]).toBe("info");
});
