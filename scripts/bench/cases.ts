// The values the bench renders: what the issue measures (default, 10 entries, 50 entries × 20 pods).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

/** One runner entry as a platform team writes it: a token, job resources, a node pool. */
export function benchRunner(index: number): Record<string, unknown> {
  return {
    name: `runner-${index}`,
    token: { value: `glrt-BENCH${String(index).padStart(16, "0")}` },
    kubernetes: { build: { cpuRequest: "500m", memoryRequest: "1Gi" }, nodeSelector: { pool: `p${index}` } },
  };
}

export interface BenchCase {
  name: string;
  values: Record<string, unknown>;
}

export const benchCases: BenchCase[] = [
  { name: "default (URL + one token)", values: { gitlabUrl: "https://gitlab.example.com", runners: [benchRunner(0)] } },
  {
    name: "10 runner entries",
    values: { gitlabUrl: "https://gitlab.example.com", runners: Array.from({ length: 10 }, (_, i) => benchRunner(i)) },
  },
  {
    name: "50 entries × 20 replicas",
    values: {
      gitlabUrl: "https://gitlab.example.com",
      replicas: 20,
      runners: Array.from({ length: 50 }, (_, i) => benchRunner(i)),
    },
  },
];

/** Writes each case's values to a file in a fresh temporary folder (helm reads values files, never --set). */
export async function writeCases(cases: BenchCase[]): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "fleet-bench-"));
  const files: string[] = [];
  for (const [index, benchCase] of cases.entries()) {
    const file = join(dir, `case-${index}.yaml`);
    await writeFile(file, stringify(benchCase.values));
    files.push(file);
  }
  return { dir, files };
}
