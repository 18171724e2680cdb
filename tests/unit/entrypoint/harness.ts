// Test harness for files/entrypoint.sh: a temp directory laid out like the manager pod's mounts,
// a recording stand-in for gitlab-runner, and a spawn helper that can signal the entrypoint.
//
// The stand-in (fake-gitlab-runner.sh) is allowed only at this tier (unit tests of the
// entrypoint's control flow). It appends one line per invocation to <ctl>/calls.log and behaves
// per scenario through FAKE_* environment variables, which the entrypoint passes on unchanged:
//   FAKE_VERIFY_REJECT    names (space-separated, or "all") whose `verify` exits 1
//   FAKE_VERIFY_UNREACHABLE "true": `verify` logs a network error and exits 0, as the runner does
//   FAKE_CONFIG_ERROR     `verify` fails to load config.toml with this message (logrus.Fatalln, exit 1)
//   FAKE_GITLAB_URL       a mock GitLab (src/mock-gitlab): `verify`, `register` and token rotation call it
//   FAKE_ROTATE_TOKENS    "true": `run` rotates every token whose token_expires_at is set, at once
//   FAKE_VERIFY_BLOCK     "true": `verify` writes <ctl>/verify.started, waits for <ctl>/verify.release
//   FAKE_REGISTER_BLOCK   "true": `register` writes <ctl>/register.started, waits for <ctl>/register.release
//   FAKE_REGISTER_FAILS   number of `register` calls that fail before one succeeds
//   FAKE_REGISTER_TOKEN   runner token a successful `register` writes (default glrt-or-legacy-token)
//   FAKE_RUN_EXIT         `run` exits by itself with this status right after starting
//   FAKE_DRAIN_SECONDS    how long `run` keeps going after SIGQUIT (a job finishing), default 0.3
//   FAKE_UNREGISTER_EXIT  exit status of `unregister`, default 0
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const entrypointPath = join(repoRoot, "files", "entrypoint.sh");

/** Default runner token the stand-in's `register` writes into its scratch config. */
export const REGISTERED_TOKEN = "glrt-or-legacy-token";

/** The recording stand-in for gitlab-runner, copied into each sandbox. */
export const standInPath = join(dirname(fileURLToPath(import.meta.url)), "fake-gitlab-runner.sh");

export type LogEntry =
  | {
      kind: "call";
      /** The command and its options, without the global flags before the command. */
      argv: string[];
      env: Record<string, string>;
      config?: "present" | "absent";
      /** Global flags given before the command: "log-format", "log-level". */
      globals: Record<string, string>;
    }
  | { kind: "event"; text: string };

export type CallEntry = Extract<LogEntry, { kind: "call" }>;

export function parseCallsLog(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [kind, ...fields] = line.split("\t");
    if (kind === "event") {
      entries.push({ kind: "event", text: fields.join("\t") });
    } else if (kind === "call") {
      const marker = fields.indexOf("--env--");
      if (marker < 0) throw new Error(`malformed call line: ${line}`);
      const env: Record<string, string> = {};
      let config: "present" | "absent" | undefined;
      const globals: Record<string, string> = {};
      for (const field of fields.slice(marker + 1)) {
        if (field.startsWith("@config=")) {
          config = field.slice("@config=".length) as "present" | "absent";
          continue;
        }
        if (field.startsWith("@")) {
          const eq = field.indexOf("=");
          globals[field.slice(1, eq)] = field.slice(eq + 1);
          continue;
        }
        const eq = field.indexOf("=");
        env[field.slice(0, eq)] = field.slice(eq + 1);
      }
      const entry: CallEntry = { kind: "call", argv: fields.slice(0, marker), env, globals };
      if (config) entry.config = config;
      entries.push(entry);
    } else {
      throw new Error(`malformed calls.log line: ${line}`);
    }
  }
  return entries;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Some process of the entrypoint's process group still held its output open after it exited. */
  lingering: boolean;
}

export interface Running {
  child: ChildProcess;
  pid: number;
  /** Current stdout + stderr (so far). */
  output(): string;
  stderr(): string;
  signal(signal: NodeJS.Signals): void;
  exited(): boolean;
  /** The entrypoint exited and nothing holds its stdout/stderr any more. */
  finished(): boolean;
  /** Resolves when stdout and stderr are closed. */
  closed: Promise<void>;
  /** Resolves when the entrypoint has exited; rejects after timeoutMs. */
  wait(timeoutMs?: number): Promise<ExitResult>;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  what?: string;
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 10, what = "condition" } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export type Env = Record<string, string | undefined>;

/** One manager pod's worth of directories, secrets and scripts in a temp directory. */
export class Sandbox {
  readonly root: string;
  readonly configDir: string;
  readonly secretsDir: string;
  readonly scriptsDir: string;
  readonly ctlDir: string;
  readonly binDir: string;
  readonly runnerBin: string;
  readonly templatePath: string;
  private readonly running = new Set<Running>();

  private constructor(root: string) {
    this.root = root;
    this.configDir = join(root, "config");
    this.secretsDir = join(root, "secrets");
    this.scriptsDir = join(root, "scripts");
    this.ctlDir = join(root, "ctl");
    this.binDir = join(root, "bin");
    this.runnerBin = join(this.binDir, "gitlab-runner");
    this.templatePath = join(this.scriptsDir, "config.template.toml");
  }

  static async create(): Promise<Sandbox> {
    const sandbox = new Sandbox(await mkdtemp(join(tmpdir(), "entrypoint-test-")));
    for (const dir of [sandbox.secretsDir, sandbox.scriptsDir, sandbox.ctlDir, sandbox.binDir]) {
      await mkdir(dir, { recursive: true });
    }
    await copyFile(standInPath, sandbox.runnerBin);
    await chmod(sandbox.runnerBin, 0o755);
    return sandbox;
  }

  get configFile(): string {
    return join(this.configDir, "config.toml");
  }

  get stateDir(): string {
    return join(this.configDir, "fleet-state");
  }

  get systemIdFile(): string {
    return join(this.configDir, ".runner_system_id");
  }

  tokenPath(name: string): string {
    return join(this.secretsDir, name, "token");
  }

  storedTokenPath(name: string): string {
    return join(this.stateDir, `${name}.token`);
  }

  async writeSecret(relative: string, content: string): Promise<string> {
    const path = join(this.secretsDir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  async writeTemplate(text: string): Promise<void> {
    await writeFile(this.templatePath, text);
  }

  async writeRegisterEnv(name: string, lines: string[]): Promise<void> {
    await writeFile(join(this.scriptsDir, `register-${name}.env`), lines.map((l) => `${l}\n`).join(""));
  }

  /** A template with one [[runners]] entry per runner, like the chart's config.template.toml. */
  async writeStandardTemplate(runners: { name: string; kind: "authentication" | "registration" }[]): Promise<void> {
    const lines = ["concurrent = 4", "check_interval = 3", 'listen_address = ":9252"', ""];
    for (const r of runners) {
      const token =
        r.kind === "registration" ? `fleet-registered:${r.name}` : `fleet-secret-file:${this.tokenPath(r.name)}`;
      lines.push(
        "[[runners]]",
        `  name = "${r.name}"`,
        '  url = "https://gitlab.example.com"',
        `  token = "${token}"`,
        '  executor = "kubernetes"',
        "",
      );
    }
    await this.writeTemplate(lines.join("\n"));
  }

  /** Environment of a manager pod; overrides with value undefined remove a variable. */
  env(overrides: Env = {}): Record<string, string> {
    const base: Env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      HOME: this.root,
      FLEET_RUNNER_BIN: this.runnerBin,
      FLEET_CONFIG_TEMPLATE: this.templatePath,
      FLEET_SCRIPTS_DIR: this.scriptsDir,
      FLEET_CONFIG_DIR: this.configDir,
      FLEET_RUNNERS: "alpha:authentication",
      FLEET_VERIFY_TOKENS: "true",
      FLEET_START_ATTEMPTS: "3",
      FLEET_BACKOFF_BASE_SECONDS: "0",
      FLEET_BACKOFF_MAX_SECONDS: "0",
      FLEET_PERSISTENT: "false",
      FLEET_UNREGISTER_MANAGER_ON_STOP: "false",
      FLEET_LOG_FORMAT: "runner",
      POD_NAME: "fleet-manager-0",
      POD_NAMESPACE: "ci",
      FLEET_RELEASE: "fleet",
      FLEET_SYSTEM_ID_SEED: "seed-1",
      FAKE_CTL_DIR: this.ctlDir,
      ...overrides,
    };
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
    if (env.FLEET_RUNNERS !== undefined) env.FLEET_RUNNERS = this.withTokenFiles(env.FLEET_RUNNERS);
    return env;
  }

  /** Completes "name:kind" words with the entry's token file, as the chart's FLEET_RUNNERS names it. */
  withTokenFiles(runners: string): string {
    return runners
      .split(" ")
      .filter(Boolean)
      .map((word) => (word.split(":").length === 2 ? `${word}:${this.tokenPath(word.split(":")[0] ?? "")}` : word))
      .join(" ");
  }

  /** Starts the entrypoint in its own process group; the test signals it like the kubelet would. */
  start(overrides: Env = {}): Running {
    const child = spawn("bash", [entrypointPath], {
      env: this.env(overrides),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid === undefined) throw new Error("failed to spawn the entrypoint");
    const pid = child.pid;
    let stdout = "";
    let stderr = "";
    let combined = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      combined += d;
    });
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      combined += d;
    });
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const exitedPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
      child.on("exit", (code, signal) => {
        exit = { code, signal };
        res(exit);
      });
    });
    let isClosed = false;
    const closed = new Promise<void>((res) =>
      child.on("close", () => {
        isClosed = true;
        res();
      }),
    );
    const killGroup = () => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // the group is gone already
      }
    };
    const running: Running = {
      child,
      pid,
      output: () => combined,
      stderr: () => stderr,
      signal: (signal) => {
        process.kill(pid, signal);
      },
      exited: () => exit !== undefined,
      finished: () => exit !== undefined && isClosed,
      closed,
      wait: async (timeoutMs = 20_000) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, rej) => {
          timer = setTimeout(
            () => rej(new Error(`entrypoint did not exit within ${timeoutMs} ms; output:\n${combined}`)),
            timeoutMs,
          );
        });
        try {
          const status = await Promise.race([exitedPromise, timeout]);
          // Output written before the exit is read once the pipes close; a leftover background
          // process (none expected, but e.g. a backoff sleep) may hold them: give it a moment.
          let lingering = false;
          const grace = new Promise<"grace">((res) => setTimeout(() => res("grace"), 300));
          if ((await Promise.race([closed.then(() => "closed" as const), grace])) === "grace") {
            lingering = true;
            killGroup();
            await closed;
          }
          return { ...status, stdout, stderr, lingering };
        } finally {
          clearTimeout(timer);
        }
      },
    };
    this.running.add(running);
    return running;
  }

  /** Runs the entrypoint to completion. */
  async run(overrides: Env = {}, timeoutMs?: number): Promise<ExitResult> {
    return this.start(overrides).wait(timeoutMs);
  }

  async calls(): Promise<LogEntry[]> {
    const path = join(this.ctlDir, "calls.log");
    return existsSync(path) ? parseCallsLog(await readFile(path, "utf8")) : [];
  }

  async invocations(command?: string): Promise<CallEntry[]> {
    return (await this.calls()).filter(
      (e): e is CallEntry => e.kind === "call" && (command === undefined || e.argv[0] === command),
    );
  }

  async waitForFile(name: string, timeoutMs = 10_000): Promise<void> {
    const path = join(this.ctlDir, name);
    await waitFor(() => existsSync(path), { timeoutMs, what: path });
  }

  async waitForEvent(text: string, timeoutMs = 10_000): Promise<void> {
    await waitFor(async () => (await this.calls()).some((e) => e.kind === "event" && e.text === text), {
      timeoutMs,
      what: `event "${text}"`,
    });
  }

  async releaseFile(name: string): Promise<void> {
    await writeFile(join(this.ctlDir, name), "");
  }

  /** Forgets the stand-in's log and counters (for a second start in the same config dir). */
  async resetLog(): Promise<void> {
    await rm(join(this.ctlDir, "calls.log"), { force: true });
    await rm(join(this.ctlDir, "register.count"), { force: true });
    await rm(join(this.ctlDir, "run.started"), { force: true });
  }

  async cleanup(): Promise<void> {
    // The entrypoint still running, or something of its process group still holding its output
    // (a stand-in it left behind): end that process group, which only the test's processes are in.
    for (const r of this.running) {
      if (!r.finished()) {
        try {
          process.kill(-r.pid, "SIGKILL");
        } catch {
          // gone already
        }
        await r.closed;
      }
    }
    this.running.clear();
    await rm(this.root, { recursive: true, force: true });
  }
}

export const isEvent = (text: string) => (e: LogEntry) => e.kind === "event" && e.text === text;
export const isCall = (command: string, name?: string) => (e: LogEntry) =>
  e.kind === "call" && e.argv[0] === command && (name === undefined || optionOf(e, "--name") === name);

/** A fresh Sandbox per test, cleaned up (processes and files) after it. */
export function useSandbox(): () => Sandbox {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await Sandbox.create();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error("useSandbox: no sandbox outside a test");
    return current;
  };
}

/** The value of `--<option>` in a recorded argv. */
export function optionOf(entry: CallEntry, option: string): string | undefined {
  const i = entry.argv.indexOf(option);
  return i < 0 ? undefined : entry.argv[i + 1];
}
