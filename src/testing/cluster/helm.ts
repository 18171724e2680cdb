import { execa, type Result } from "execa";
import { chartRoot } from "../../paths.js";
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

export interface ReleaseChange {
  release: string;
  namespace: string;
  valuesFile: string;
  /** `--set` expressions, applied after the values file. */
  set?: readonly string[];
  /** helm's --timeout, e.g. "3m". */
  timeout: string;
  /** Chart directory (default: this repository's chart). */
  chart?: string;
}

/** `helm install` or `helm upgrade` of a release with APPLY_FLAGS: the one shape every test's release change takes. */
export function helmApply(cluster: TestCluster, verb: "install" | "upgrade", change: ReleaseChange): Promise<HelmRun> {
  return helm(cluster, [
    verb,
    change.release,
    change.chart ?? chartRoot,
    "-n",
    change.namespace,
    "-f",
    change.valuesFile,
    ...(change.set ?? []).flatMap((expression) => ["--set", expression]),
    ...APPLY_FLAGS,
    "--timeout",
    change.timeout,
  ]);
}
