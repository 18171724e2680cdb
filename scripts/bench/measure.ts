// Whole-process cost of one `helm template`: cpu (user + sys) and wall milliseconds.
// bash's `time` reads the child's rusage with millisecond precision (GNU time only prints
// hundredths), and cpu time is what stays comparable when other work shares the machine.
import { execa } from "execa";

export interface Cost {
  cpuMs: number;
  wallMs: number;
}

export interface Render {
  helm: string;
  chart: string;
  valuesFile?: string;
}

export function templateArgs({ chart, valuesFile }: Render): string[] {
  return [
    "template",
    "bench",
    chart,
    "--namespace",
    "ci",
    "--kube-version",
    "1.33.0",
    ...(valuesFile ? ["--values", valuesFile] : []),
  ];
}

const timed = 'TIMEFORMAT="%3U %3S %3R"; time "$0" "$@" >/dev/null 2>&1';

/** Runs the render once, timed; throws when helm fails so a broken case never reports a speed. */
export async function measure(render: Render): Promise<Cost> {
  const result = await execa("bash", ["-c", timed, render.helm, ...templateArgs(render)], { reject: false });
  if (result.exitCode !== 0) {
    const { stderr } = await execa(render.helm, templateArgs(render), { reject: false });
    throw new Error(`helm template ${render.chart} failed:\n${stderr}`);
  }
  const [user, sys, real] = result.stderr.trim().split(/\s+/).slice(-3).map(Number);
  if (user === undefined || sys === undefined || real === undefined)
    throw new Error(`cannot read timing from: ${result.stderr}`);
  return { cpuMs: (user + sys) * 1000, wallMs: real * 1000 };
}

/** The q-quantile (0..1) of numbers, interpolated between neighbours. */
export function quantile(numbers: number[], q: number): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? NaN;
  return low + (high - low) * (position - below);
}

export interface Spread {
  median: number;
  p25: number;
  p75: number;
}

export function spread(numbers: number[]): Spread {
  return { median: quantile(numbers, 0.5), p25: quantile(numbers, 0.25), p75: quantile(numbers, 0.75) };
}

export function formatSpread({ median, p25, p75 }: Spread, digits = 2): string {
  return `${median.toFixed(digits)} (${p25.toFixed(digits)}–${p75.toFixed(digits)})`;
}

/**
 * Pairwise comparison: each run renders the yardstick and every subject back to back (order
 * alternating between runs), and the ratio is taken within the run, so load that comes and goes
 * hits both sides of a ratio alike.
 */
export async function pairwise(
  yardstick: Render,
  subjects: Render[],
  runs: number,
): Promise<{ yardstick: number[]; subjects: { cpuMs: number[]; ratio: number[] }[] }> {
  const all = [yardstick, ...subjects];
  for (const render of all) await measure(render); // warm the page cache; also fails fast on a broken case
  const base: number[] = [];
  const results = subjects.map(() => ({ cpuMs: [] as number[], ratio: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? all.map((_, i) => i) : all.map((_, i) => all.length - 1 - i);
    const costs: Cost[] = new Array(all.length);
    for (const index of order) costs[index] = await measure(all[index]!);
    const baseCpu = costs[0]!.cpuMs;
    base.push(baseCpu);
    results.forEach((result, i) => {
      result.cpuMs.push(costs[i + 1]!.cpuMs);
      result.ratio.push(costs[i + 1]!.cpuMs / baseCpu);
    });
  }
  return { yardstick: base, subjects: results };
}
