import { execa, type Result } from "execa";
import { helmBinary } from "../helm-binary.js";
import type { TestCluster } from "./cluster.js";

export interface HelmRun {
  exitCode: number;
  /** stdout and stderr interleaved, for assertion messages. */
  output: string;
  seconds: number;
}

/**
 * helm 4 against the test cluster. helm 4 applies server-side by default, so the API server's
 * strict field validation (not helm's client-side OpenAPI check, turned off here) is what
 * accepts or rejects every object.
 */
export async function helm(cluster: TestCluster, args: readonly string[]): Promise<HelmRun> {
  const started = Date.now();
  const result: Result<{ all: true; reject: false }> = await execa(
    helmBinary(4),
    [...args, "--kubeconfig", cluster.kubeconfig],
    { all: true, reject: false },
  );
  return { exitCode: result.exitCode ?? -1, output: result.all ?? "", seconds: (Date.now() - started) / 1000 };
}

/** Flags of every install/upgrade: wait for readiness with kstatus, server-side validation only. */
export const APPLY_FLAGS = ["--wait=watcher", "--disable-openapi-validation"] as const;
