// Long steps (cluster creation, image loads, helm --wait) print a start line, a heartbeat and an end line, so a
// slow CI log shows where it is; the tool's own output is kept and shown only when the step fails.
import { execa } from "execa";

export interface StepOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where progress lines go; stderr by default. */
  write?: (line: string) => void;
  /** Seconds between "still running" lines. */
  heartbeatSeconds?: number;
}

const defaultWrite = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Runs `file args` as one named step; a failure throws with the step name, exit code and the output's tail. */
export async function runStep(
  title: string,
  file: string,
  args: readonly string[],
  opts: StepOptions = {},
): Promise<string> {
  const write = opts.write ?? defaultWrite;
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  write(`▶ ${title}`);
  const heartbeat = setInterval(
    () => write(`… ${title}: still running (${elapsed()})`),
    (opts.heartbeatSeconds ?? 15) * 1000,
  );
  try {
    const res = await execa(file, [...args], {
      reject: false,
      all: true,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
    });
    if (res.failed) {
      const tail = (res.all ?? res.message).trim().split("\n").slice(-20).join("\n");
      write(`✗ ${title} (${elapsed()})`);
      throw new Error(
        `${title} failed (${res.exitCode === undefined ? "not started" : `exit ${res.exitCode}`}): ${tail}`,
      );
    }
    write(`✓ ${title} (${elapsed()})`);
    return res.stdout;
  } finally {
    clearInterval(heartbeat);
  }
}
