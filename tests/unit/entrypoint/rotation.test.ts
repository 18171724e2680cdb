// files/entrypoint.sh: tokens gitlab-runner rotates survive restarts. The stand-in rotates the way the
// pinned runner does (commands/multi.go resetOneRunnerToken / commands/reset_token.go: POST
// /runners/reset_authentication_token, then config.toml saved with token, token_obtained_at,
// token_expires_at), against the mock GitLab handing out expiring tokens; GitLab revokes the old token.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFile } from "node:fs/promises";
import { parse } from "smol-toml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startMockGitLab, type MockGitLab } from "../../../src/mock-gitlab/index.js";
import { renderOnce } from "../render-once.js";
import type { Env, Sandbox } from "./harness.js";
import { useSandbox } from "./harness.js";

const sandbox = useSandbox();
let mock: MockGitLab;
beforeEach(async () => {
  mock = await startMockGitLab({ tokenExpiresInSeconds: 3600, registrationToken: "GR1348941-fake-registration" });
});
afterEach(async () => {
  await mock.close();
});

interface RunnerEntry {
  name: string;
  token: string;
  id?: number;
  token_obtained_at?: unknown;
  token_expires_at?: unknown;
}
const entry = async (sb: Sandbox, name: string): Promise<RunnerEntry> => {
  const config = parse(await readFile(sb.configFile, "utf8")) as unknown as { runners: RunnerEntry[] };
  const found = config.runners.find((r) => r.name === name);
  if (!found) throw new Error(`no [[runners]] entry ${name}`);
  return found;
};
const gitlabToken = async (id: number): Promise<string> => {
  const runner = (await mock.control.listRunners()).find((r) => r.id === id);
  if (!runner) throw new Error(`mock has no runner ${id}`);
  return runner.token;
};

/** One container start that runs until SIGTERM; returns its stderr. */
async function startAndStop(sb: Sandbox, env: Env, beforeStop?: () => Promise<void>): Promise<string> {
  const running = sb.start({ FAKE_GITLAB_URL: mock.url, ...env });
  await sb.waitForFile("run.started");
  await beforeStop?.();
  running.signal("SIGTERM");
  const result = await running.wait();
  expect(result.code, result.stderr).toBe(0);
  await sb.resetLog();
  return result.stderr;
}

describe("legacy (registration-token) runner with an expiring token", () => {
  it("config.toml carries id/token_obtained_at/token_expires_at; the token the runner rotated is used after a restart", async () => {
    const sb = sandbox();
    await sb.writeSecret("legacy/token", mock.registrationToken);
    await sb.writeRegisterEnv("legacy", ["RUNNER_NAME=legacy", `CI_SERVER_URL=${mock.url}`]);
    await sb.writeStandardTemplate([{ name: "legacy", kind: "registration" }]);
    const env: Env = { FLEET_RUNNERS: "legacy:registration", FLEET_PERSISTENT: "true" };

    const logs: string[] = [];
    logs.push(
      await startAndStop(sb, { ...env, FAKE_ROTATE_TOKENS: "true" }, async () => {
        await sb.waitForEvent("rotated the token of legacy");
      }),
    );
    const [registered] = await mock.control.listRunners();
    if (!registered) throw new Error("nothing registered");
    const rotated = await gitlabToken(registered.id);

    logs.push(await startAndStop(sb, env));
    const second = await entry(sb, "legacy");
    expect(second.token).toBe(rotated);
    expect(second.id).toBe(registered.id);
    expect(second.token_expires_at).toBeInstanceOf(Date);
    expect(logs[1]).toContain("runner legacy: gitlab-runner rotated the token (new one expires 20");
    expect((await mock.control.listRunners()).length).toBe(1); // registered once
    for (const log of logs) expect(log).not.toContain(rotated);
  });
});

describe("authentication-token runner", () => {
  const env: Env = { FLEET_RUNNERS: "alpha:authentication", FLEET_PERSISTENT: "false" };

  async function prepare(sb: Sandbox): Promise<{ id: number; token: string }> {
    const created = await mock.control.createRunner();
    await sb.writeSecret("alpha/token", created.token);
    await sb.writeStandardTemplate([{ name: "alpha", kind: "authentication" }]);
    return created;
  }

  /** `kubectl exec … gitlab-runner reset-token --name alpha`: the runner learns the expiry from GitLab. */
  const resetToken = (sb: Sandbox) => async () => {
    // Not execFileSync: the mock GitLab answers from this process's event loop.
    await promisify(execFile)("bash", [sb.runnerBin, "reset-token", "--config", sb.configFile, "--name", "alpha"], {
      env: { ...sb.env(), FAKE_GITLAB_URL: mock.url },
    });
  };

  it("after a reset-token, restarts keep the new token and its expiry, and the runner rotates it again by itself", async () => {
    const sb = sandbox();
    const { id, token: original } = await prepare(sb);
    const logs = [await startAndStop(sb, env, resetToken(sb))];
    const reset = await gitlabToken(id);
    expect(reset).not.toBe(original);

    // The Secret still holds the revoked token; the start must not fall back to it.
    logs.push(
      await startAndStop(sb, { ...env, FAKE_ROTATE_TOKENS: "true" }, async () => {
        await sb.waitForEvent("rotated the token of alpha");
      }),
    );
    expect(logs[1]).toContain("runner alpha: token accepted by GitLab");
    expect(logs[1]).toContain("runner alpha: using the token gitlab-runner rotated");
    const automatic = await gitlabToken(id);
    expect(automatic).not.toBe(reset);

    logs.push(await startAndStop(sb, env));
    const third = await entry(sb, "alpha");
    expect(third.token).toBe(automatic);
    expect(third.token_expires_at).toBeInstanceOf(Date);
    expect(logs[2]).toContain("runner alpha: token accepted by GitLab");
    for (const log of logs) for (const token of [original, reset, automatic]) expect(log).not.toContain(token);
  });

  it("a new token in the Secret wins over the token the runner rotated from the old one", async () => {
    const sb = sandbox();
    await prepare(sb);
    await startAndStop(sb, env, resetToken(sb));
    const replacement = await mock.control.createRunner();
    await sb.writeSecret("alpha/token", replacement.token);

    const log = await startAndStop(sb, env);
    expect((await entry(sb, "alpha")).token).toBe(replacement.token);
    expect((await entry(sb, "alpha")).token_expires_at).toBeUndefined();
    expect(log).toContain(
      "runner alpha: the Secret holds a new token; using it instead of the token gitlab-runner rotated earlier",
    );
    expect(log).toContain("runner alpha: token accepted by GitLab");
  });
});

describe("with the chart's own config template", () => {
  it("the rotation state lands in the [[runners]] entry the chart renders (token line found, times in the right table)", async () => {
    const sb = sandbox();
    const created = await mock.control.createRunner();
    const { objects } = await renderOnce({
      gitlabUrl: "https://gitlab.example.com",
      runners: [
        { name: "alpha", token: { existingSecret: { name: "alpha-token" } } },
        { name: "beta", token: { existingSecret: { name: "beta-token" } } },
      ],
    });
    const configMap = objects.find(
      (o) => o.kind === "ConfigMap" && (o as { data?: Record<string, string> }).data?.["config.template.toml"],
    );
    const template = (configMap as unknown as { data: Record<string, string> }).data["config.template.toml"] ?? "";
    expect(template).toContain('"fleet-secret-file:/var/run/secrets/gitlab-runner-fleet/alpha/token"');
    await sb.writeTemplate(template.replaceAll("/var/run/secrets/gitlab-runner-fleet", sb.secretsDir));
    await sb.writeSecret("alpha/token", created.token);
    await sb.writeSecret("beta/token", (await mock.control.createRunner()).token);
    const env: Env = { FLEET_RUNNERS: "alpha:authentication beta:authentication" };

    await startAndStop(sb, env, async () => {
      await promisify(execFile)("bash", [sb.runnerBin, "reset-token", "--config", sb.configFile, "--name", "alpha"], {
        env: { ...sb.env(), FAKE_GITLAB_URL: mock.url },
      });
    });
    const log = await startAndStop(sb, env);
    expect(log).toContain("runner alpha: token accepted by GitLab");
    const alpha = await entry(sb, "alpha");
    expect(alpha.token).toBe(await gitlabToken(created.id));
    expect(alpha.token_expires_at).toBeInstanceOf(Date);
    expect(alpha.token_obtained_at).toBeInstanceOf(Date);
    expect((await entry(sb, "beta")).token_expires_at).toBeUndefined();
  });
});
