// Median `helm template` time of this chart (default values; 10 runner entries) as a ratio to a
// one-ConfigMap chart rendered by the same helm in the same run, so machine speed cancels out.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { execa } from "execa";
import { stringify } from "yaml";
import { chartRoot } from "../src/schema/load.js";
import { helmBinary, type HelmMajor } from "../src/tools.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const dir = await mkdtemp(join(tmpdir(), "fleet-bench-"));

const baseline = join(dir, "baseline");
await mkdir(join(baseline, "templates"), { recursive: true });
await writeFile(join(baseline, "Chart.yaml"), "apiVersion: v2\nname: baseline\nversion: 0.1.0\n");
await writeFile(join(baseline, "templates", "configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: baseline\ndata:\n  a: b\n");

const runner = (i: number) => ({ name: `runner-${i}`, token: { value: `glrt-BENCH${String(i).padStart(16, "0")}` }, kubernetes: { build: { cpuRequest: "500m", memoryRequest: "1Gi" }, nodeSelector: { pool: `p${i}` } } });
const defaultValues = join(dir, "default.yaml");
const tenValues = join(dir, "ten.yaml");
await writeFile(defaultValues, stringify({ gitlabUrl: "https://gitlab.example.com", runners: [runner(0)] }));
await writeFile(tenValues, stringify({ gitlabUrl: "https://gitlab.example.com", runners: Array.from({ length: 10 }, (_, i) => runner(i)) }));

async function median(helm: HelmMajor, chart: string, values?: string): Promise<number> {
  const args = ["template", "bench", chart, "--namespace", "ci", "--kube-version", "1.33.0", ...(values ? ["-f", values] : [])];
  await execa(helmBinary(helm), args); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await execa(helmBinary(helm), args);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

console.log(`helm template, median of ${RUNS} runs each, same run`);
console.log("helm | baseline ms | default ms | 10 runners ms | default/baseline | 10 runners/baseline");
for (const helm of [3, 4] as const) {
  const b = await median(helm, baseline);
  const d = await median(helm, chartRoot, defaultValues);
  const t = await median(helm, chartRoot, tenValues);
  console.log(`${helm}    | ${b.toFixed(1)} | ${d.toFixed(1)} | ${t.toFixed(1)} | ${(d / b).toFixed(2)}x | ${(t / b).toFixed(2)}x`);
}
await rm(dir, { recursive: true, force: true });
