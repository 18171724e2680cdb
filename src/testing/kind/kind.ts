// kind cluster lifecycle for the e2e tier: create from a config file, load locally built images, delete.
import { requireTool, TOOLS } from "./binaries.js";
import { runStep, type StepOptions } from "./progress.js";

export interface KindCluster {
  name: string;
  /** kind config file (nodes, port mappings). */
  configPath: string;
  /** Where kind writes the cluster's kubeconfig, so the user's own is never touched. */
  kubeconfigPath: string;
}

export function kindCreateArgs(cluster: KindCluster, waitSeconds = 180): string[] {
  return [
    "create",
    "cluster",
    "--name",
    cluster.name,
    "--config",
    cluster.configPath,
    "--kubeconfig",
    cluster.kubeconfigPath,
    "--wait",
    `${waitSeconds}s`,
  ];
}

export function kindLoadArgs(cluster: Pick<KindCluster, "name">, images: readonly string[]): string[] {
  if (images.length === 0) throw new Error("kind load: no images given");
  return ["load", "docker-image", ...images, "--name", cluster.name];
}

export function kindDeleteArgs(cluster: Pick<KindCluster, "name" | "kubeconfigPath">): string[] {
  return ["delete", "cluster", "--name", cluster.name, "--kubeconfig", cluster.kubeconfigPath];
}

export async function createKindCluster(cluster: KindCluster, opts: StepOptions = {}): Promise<void> {
  await runStep(
    `kind: create cluster ${cluster.name}`,
    requireTool(TOOLS.kind, opts.env),
    kindCreateArgs(cluster),
    opts,
  );
}

export async function loadImages(
  cluster: KindCluster,
  images: readonly string[],
  opts: StepOptions = {},
): Promise<void> {
  await runStep(
    `kind: load ${images.join(", ")}`,
    requireTool(TOOLS.kind, opts.env),
    kindLoadArgs(cluster, images),
    opts,
  );
}

export async function deleteKindCluster(cluster: KindCluster, opts: StepOptions = {}): Promise<void> {
  await runStep(
    `kind: delete cluster ${cluster.name}`,
    requireTool(TOOLS.kind, opts.env),
    kindDeleteArgs(cluster),
    opts,
  );
}
