// A manager pod of a rendered release, run locally: the chart's entrypoint and config.toml (from the ConfigMap,
// laid out by materializeManager) with the real gitlab-runner, against a mock GitLab on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Runner, Values } from "../../src/generated/values.js";
import type { MockGitLab } from "../../src/mock-gitlab/index.js";
import { renderChart } from "../../src/testing/render.js";
import { materializeManager, type LocalManager } from "../../src/testing/runner/local-manager.js";

export const RELEASE = "fleet";
export const NAMESPACE = "runners";
export const POD = "fleet-gitlab-runner-fleet-0";

/** A free loopback port for the runner's HTTP server (the chart's ":9252" would clash between managers). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ManagerRun {
  manager: LocalManager;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Signals the entrypoint (as the kubelet does), or SIGKILLs its whole process group (a node loss). */
  signal(signal: NodeJS.Signals): void;
  killGroup(): void;
}

/** One pod's directory, kept across restarts of the same pod (a persistent config directory, or not). */
export class LocalPod {
  readonly dir = mkdtempSync(join(tmpdir(), "fleet-runner-tier-"));
  private runs: ManagerRun[] = [];

  constructor(
    readonly bin: string,
    readonly mock: MockGitLab,
  ) {}

  /** Renders `values` (gitlabUrl set to the mock) and starts the entrypoint; backoff shortened to seconds. */
  async start(
    values: Partial<Values>,
    extra: { externalSecrets?: Record<string, Record<string, string>>; env?: Record<string, string> } = {},
  ): Promise<ManagerRun> {
    const { objects } = await renderChart(
      { ...values, gitlabUrl: this.mock.url },
      { releaseName: RELEASE, namespace: NAMESPACE },
    );
    const manager = materializeManager(objects, {
      dir: this.dir,
      podName: POD,
      namespace: NAMESPACE,
      runnerBin: this.bin,
      listenAddress: `127.0.0.1:${await freePort()}`,
      ...(extra.externalSecrets ? { externalSecrets: extra.externalSecrets } : {}),
    });
    const child = spawn("bash", [manager.entrypoint], {
      env: {
        ...manager.env,
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        FLEET_BACKOFF_BASE_SECONDS: "1",
        FLEET_BACKOFF_MAX_SECONDS: "2",
        ...extra.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    const pid = child.pid ?? 0;
    const run: ManagerRun = {
      manager,
      child,
      output: () => output,
      exited,
      signal: (signal) => void process.kill(pid, signal),
      killGroup: () => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone already
        }
      },
    };
    this.runs.push(run);
    return run;
  }

  /** Ends every process this pod started (its own process groups only) and removes its directory. */
  async cleanup(): Promise<void> {
    for (const run of this.runs) {
      if (run.child.exitCode === null && run.child.signalCode === null) run.killGroup();
      else run.killGroup();
      await Promise.race([run.exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls until `check` is true; rejects with the last value and the manager's output tail. */
export async function until(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean | string>,
  run?: ManagerRun,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: boolean | string = false;
  while (Date.now() < deadline) {
    last = await check();
    if (last === true) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `timed out waiting for ${what} (${String(last)})${run ? `\n--- manager output (tail) ---\n${run.output().split("\n").slice(-40).join("\n")}` : ""}`,
  );
}

/** A shell-executor entry: jobs run inside the manager process, so they complete here (no kubelet needed). */
export const shellValues = (token: Runner["token"], extra: Record<string, unknown> = {}): Partial<Values> =>
  ({ allowShellExecutor: true, ...extra, runners: [{ name: "local", executor: "shell", token }] }) as Partial<Values>;
