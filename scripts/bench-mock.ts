// Load benchmark of the mock GitLab on loopback: N runners each keep one long poll open, a burst of N
// first requests arrives at once, then M jobs are enqueued one by one. Reports request latency
// percentiles of the burst, how fast jobs are picked up, and how many empty (204) replies the job phase
// caused. Bounded: at most 2,000 runners and 1,000 jobs, 127.0.0.1 only, a hard time limit.
//   npm run bench:mock -- [--runners 1000] [--jobs 60] [--interval-ms 50] [--quiet]
import { spawn } from "node:child_process";
import { once, setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { MockGitLabControl } from "../src/mock-gitlab/control-client.js";
import { quantile } from "./bench/measure.js";

const { values: args } = parseArgs({
  options: {
    runners: { type: "string", default: "1000" },
    jobs: { type: "string", default: "60" },
    "interval-ms": { type: "string", default: "50" },
    quiet: { type: "boolean", default: false },
  },
});
const runners = Math.min(Number(args.runners), 2000);
const jobs = Math.min(Number(args.jobs), 1000);
const intervalMs = Number(args["interval-ms"]);
const LONG_POLL_SECONDS = 120; // longer than the run: every empty reply counted below is a wake-up, not a timeout
const HARD_LIMIT_MS = 180_000;

// The mock runs as the CLI does, in its own process, so the load generator does not share its event loop.
const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_MOCK_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_MOCK_CPU_PROF}`] : []),
    "--import",
    "tsx",
    "scripts/mock-gitlab.ts",
    "--port",
    "0",
    "--long-poll-seconds",
    String(LONG_POLL_SECONDS),
    ...(args.quiet ? ["--quiet"] : []),
  ],
  {
    stdio: ["ignore", "pipe", "pipe"],
  },
);
let logLines = 0;
createInterface({ input: child.stdout }).on("line", () => (logLines += 1));
const url = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stderr }).on("line", (line) => {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) resolve(match[1]!);
  });
  child.once("exit", (code) => reject(new Error(`mock exited with ${code}`)));
});
const hardLimit = setTimeout(() => {
  console.error(`bench:mock: gave up after ${HARD_LIMIT_MS / 1000} s`);
  child.kill("SIGKILL");
  process.exit(1);
}, HARD_LIMIT_MS);

/** CPU seconds the mock process has used (Linux /proc; clock ticks of 10 ms). */
function mockCpuSeconds(): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
/** Machine-wide count of SYNs dropped because a listen queue was full (Linux /proc/net/netstat). */
function listenOverflows(): number {
  const [names, values] = readFileSync("/proc/net/netstat", "utf8")
    .split("\n")
    .filter((line) => line.startsWith("TcpExt:"));
  const index = names!.split(" ").indexOf("ListenOverflows");
  return Number(values!.split(" ")[index]);
}

const control = new MockGitLabControl(url);
const tokens: string[] = [];
for (let i = 0; i < runners; i++) tokens.push((await control.createRunner({ run_untagged: true })).token);

interface Reply {
  status: number;
  /** From the request's last byte leaving this process to its answer: the generator's own queueing is left out. */
  ms: number;
  version: string | null;
  jobId?: number;
}
const stop = new AbortController();
// Every request listens on this one signal; past the default limit Node prints a warning with a stack for
// each further listener, which alone stalls the load generator for seconds.
setMaxListeners(0, stop.signal);
// One connection per runner, kept open between polls, as runners do.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
function requestJob(token: string, index: number, lastUpdate: string | null): Promise<Reply> {
  const body = JSON.stringify({
    token,
    system_id: `s_${String(index).padStart(12, "0")}`,
    ...(lastUpdate ? { last_update: lastUpdate } : {}),
  });
  return new Promise((resolve, reject) => {
    let sent = performance.now();
    const req = request(
      `${url}/api/v4/jobs/request`,
      {
        method: "POST",
        agent,
        headers: { "Content-Type": "application/json", "RUNNER-TOKEN": token },
        signal: stop.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const ms = performance.now() - sent;
          const version = res.headers["x-gitlab-last-update"];
          const job =
            res.statusCode === 201 ? (JSON.parse(Buffer.concat(chunks).toString()) as { id: number }) : undefined;
          resolve({
            status: res.statusCode ?? 0,
            ms,
            version: typeof version === "string" ? version : null,
            ...(job ? { jobId: job.id } : {}),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("finish", () => (sent = performance.now()));
    req.on("error", reject);
    req.end(body);
  });
}

const burst: number[] = [];
const enqueuedAt = new Map<number, number>();
const pickup: number[] = [];
let jobPhase = false;
let emptyInJobPhase = 0;
let errors = 0;
const errorKinds = new Map<string, number>();
const countError = (kind: string): void => {
  errors += 1;
  errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
};
let parkedOnce = 0;

async function poller(token: string, index: number): Promise<void> {
  let version: string | null = null;
  let first = true;
  while (!stop.signal.aborted) {
    let reply: Reply;
    try {
      reply = await requestJob(token, index, version);
    } catch (error) {
      if (stop.signal.aborted) return;
      countError((error as { code?: string }).code ?? String(error));
      continue;
    }
    if (first) {
      burst.push(reply.ms);
      first = false;
      parkedOnce += 1;
    }
    if (reply.status === 201 && reply.jobId !== undefined) {
      pickup.push(performance.now() - (enqueuedAt.get(reply.jobId) ?? NaN));
    } else if (reply.status === 204) {
      if (jobPhase) emptyInJobPhase += 1;
      version = reply.version ?? version;
    } else {
      countError(`HTTP ${reply.status}`);
    }
  }
}

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const overflowsBefore = listenOverflows();
const cpuBefore = mockCpuSeconds();
const burstStarted = performance.now();
const pollers = tokens.map((token, index) => poller(token, index));
while (parkedOnce < runners) await new Promise((resolve) => setTimeout(resolve, 10));
const burstMs = performance.now() - burstStarted;
const burstCpu = mockCpuSeconds() - cpuBefore;
const overflows = listenOverflows() - overflowsBefore;
lag.disable();
await new Promise((resolve) => setTimeout(resolve, 1_000)); // second requests park
jobPhase = true;
const jobsStarted = performance.now();
for (let i = 0; i < jobs; i++) {
  const before = performance.now();
  const { id } = await control.enqueueJob({ script: ["true"] });
  enqueuedAt.set(id, before);
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
while (pickup.length < jobs && performance.now() - jobsStarted < 60_000)
  await new Promise((resolve) => setTimeout(resolve, 50));
jobPhase = false;
stop.abort();
await Promise.all(pollers);
agent.destroy();
child.kill("SIGTERM");
await once(child, "exit");
clearTimeout(hardLimit);

const ms = (values: number[], q: number) => `${quantile(values, q).toFixed(0)}`;
console.log(
  `mock GitLab load, ${runners} runners long-polling, ${jobs} jobs every ${intervalMs} ms, request log ${args.quiet ? "off" : "on"}`,
);
console.log(
  `load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} on ${(await import("node:os")).availableParallelism()} cores`,
);
console.log(
  `burst of ${burst.length} first requests: all answered after ${burstMs.toFixed(0)} ms; mock cpu ${((burstCpu * 1000) / runners).toFixed(2)} ms per request; SYNs dropped by a full listen queue (machine-wide): ${overflows}; load generator event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
);
console.log(
  `burst latency: p50 ${ms(burst, 0.5)} ms, p90 ${ms(burst, 0.9)} ms, p99 ${ms(burst, 0.99)} ms, max ${ms(burst, 1)} ms, > 1 s: ${burst.filter((v) => v > 1000).length}`,
);
console.log(
  `job pickup after enqueue: ${pickup.length}/${jobs} picked, p50 ${ms(pickup, 0.5)} ms, p90 ${ms(pickup, 0.9)} ms, max ${ms(pickup, 1)} ms`,
);
console.log(
  `empty replies during the job phase: ${emptyInJobPhase} (${(emptyInJobPhase / Math.max(jobs, 1)).toFixed(1)} per job); errors: ${errors}${errors ? ` (${[...errorKinds].map(([kind, n]) => `${kind} ×${n}`).join(", ")})` : ""}; request log lines: ${logLines}`,
);
