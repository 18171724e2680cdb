import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

interface Cli {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stdout: () => string;
}

/** Starts the CLI on port 0 and waits for its banner. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(TSX, ["scripts/mock-gitlab.ts", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  let stdout = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner; stderr: ${stderr}`)), 20_000);
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr, stdout: () => stdout };
}

describe("scripts/mock-gitlab.ts", () => {
  it("serves on the chosen host, hints at given tokens without printing them, logs JSON lines and stops on SIGTERM", async () => {
    const cli = await startCli(
      ["--host", "127.0.0.1", "--admin-token", "glpat-cli-admin-secret", "--long-poll-seconds", "2"],
      {
        MOCK_GITLAB_REGISTRATION_TOKEN: "GR1348941cli-registration-secret",
      },
    );
    expect(cli.stderr()).not.toContain("glpat-cli-admin-secret");
    expect(cli.stderr()).not.toContain("GR1348941cli-registration-secret");
    expect(cli.stderr()).toContain("glpa…");

    const runners = await fetch(`${cli.url}/api/v4/runners/all`, {
      headers: { "PRIVATE-TOKEN": "glpat-cli-admin-secret" },
    });
    expect(runners.status).toBe(200);
    const reg = await fetch(`${cli.url}/api/v4/runners`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: "GR1348941cli-registration-secret" }),
    });
    expect(reg.status).toBe(201);
    const state = (await (await fetch(`${cli.url}/__mock/state`)).json()) as { config: { long_poll_ms: number } };
    expect(state.config.long_poll_ms).toBe(2000);

    await new Promise((r) => setTimeout(r, 50));
    const lines = cli
      .stdout()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { endpoint: string; status: number });
    expect(lines.map((l) => `${l.endpoint} ${l.status}`)).toEqual([
      "admin/runners/all 200",
      "runners 201",
      "mock/state 200",
    ]);
    expect(cli.stdout()).not.toContain("secret");

    cli.child.kill("SIGTERM");
    const [code] = await once(cli.child, "exit");
    expect(code).toBe(0);
  });

  it("prints generated tokens so they can be used, and refuses a bad port", async () => {
    const cli = await startCli(["--quiet"]);
    const admin = /admin token:\s+(glpat-\S+) \(generated\)/.exec(cli.stderr())?.[1];
    expect(admin).toBeDefined();
    const res = await fetch(`${cli.url}/api/v4/runners/all`, { headers: { "PRIVATE-TOKEN": admin ?? "" } });
    expect(res.status).toBe(200);
    cli.child.kill("SIGINT");
    expect((await once(cli.child, "exit"))[0]).toBe(0);

    const bad = spawn(TSX, ["scripts/mock-gitlab.ts", "--port", "99999"], { cwd: ROOT, stdio: "ignore" });
    expect((await once(bad, "exit"))[0]).toBe(2);
  });
});
