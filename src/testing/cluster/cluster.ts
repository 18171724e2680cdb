import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { execa } from "execa";
import { lock } from "proper-lockfile";
import { chartRoot } from "../../paths.js";
import { clientNode } from "./client-node.js";
import {
  clusterBinaries,
  clusterToolsBuilt,
  ensureClusterTools,
  goMissing,
  KUBERNETES_MINORS,
  toolModulesDir,
  type KubernetesTrack,
} from "./tools.js";
import { waitFor } from "./wait.js";

/** Points the tier at an existing cluster (kind, a real one) instead of starting kwok. */
export const EXISTING_CLUSTER_ENV = "FLEET_TEST_KUBECONFIG";

/** Where the component logs of a failed run are kept. */
export const failedRunLogsDir = join(chartRoot, ".tools", "cluster-logs");

const configFile = join(toolModulesDir, "kwok-config.yaml");

/** Fake nodes: enough for the chart's replicas to spread, cheap for kwok. */
const FAKE_NODES = 2;

export interface TestCluster {
  readonly kind: "kwok" | "existing";
  /** Path of a kubeconfig for helm and client-node. */
  readonly kubeconfig: string;
  readonly kc: KubeConfig;
  /** gitVersion the API server reports. */
  readonly serverVersion: string;
  /** Seconds from `kwokctl create cluster` to Ready nodes (0 for an existing cluster). */
  readonly startSeconds: number;
  /** Keep the component logs when the cluster stops (call it from a failed test). */
  markFailed(): void;
  /** Stops a kwok cluster and removes its files, keeping its logs if a test failed. */
  stop(): Promise<void>;
}

// The kwok control plane is built from the repository's tools/cluster/, which the npm package leaves out.
const kwokOutsideRepo =
  `control-plane tier skipped: the kwok control plane is built from tools/cluster/ of the gitlab-runner-fleet ` +
  `repository, which the npm package does not ship; set ${EXISTING_CLUSTER_ENV} to use an existing cluster`;

/**
 * Why the tier cannot run here (one line), or undefined. Building is fine (the first integration
 * run builds what `npm run setup` did not); only a missing Go without an existing cluster stops it.
 */
export async function clusterUnavailable(track: KubernetesTrack): Promise<string | undefined> {
  if (process.env[EXISTING_CLUSTER_ENV]) return undefined;
  if (!existsSync(toolModulesDir)) return kwokOutsideRepo;
  if (clusterToolsBuilt(track)) return undefined;
  const missing = await goMissing();
  if (!missing) return undefined;
  return (
    `control-plane tier skipped: ${missing}, needed to build Kubernetes ${KUBERNETES_MINORS[track]} ` +
    `(or set ${EXISTING_CLUSTER_ENV} to use an existing cluster)`
  );
}

/** The cluster of a test file: the existing one when FLEET_TEST_KUBECONFIG is set, else a new kwok cluster. */
export async function startCluster(track: KubernetesTrack): Promise<TestCluster> {
  const existing = process.env[EXISTING_CLUSTER_ENV];
  if (existing) return useExisting(existing);
  if (!existsSync(toolModulesDir)) throw new Error(kwokOutsideRepo);
  // `npm run setup` builds the tools; a first run without it builds them here (Go needed).
  if (!clusterToolsBuilt(track)) await ensureClusterTools([track]);
  return startKwok(track);
}

async function useExisting(kubeconfig: string): Promise<TestCluster> {
  const { KubeConfig } = await clientNode();
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return {
    kind: "existing",
    kubeconfig,
    kc,
    serverVersion: await serverVersion(kc),
    startSeconds: 0,
    markFailed: () => undefined,
    stop: async () => undefined,
  };
}

async function startKwok(track: KubernetesTrack): Promise<TestCluster> {
  const bin = clusterBinaries(track);
  const workdir = mkdtempSync(join(tmpdir(), "fleet-kwok-"));
  const name = `fleet-${track}-${process.pid}`;
  const kubeconfig = join(workdir, "kubeconfig.yaml");
  // KWOK_WORKDIR keeps kwokctl away from ~/.kwok; --kubeconfig away from the user's ~/.kube/config.
  const env = { KWOK_WORKDIR: workdir, KWOK_KUBE_VERSION: bin.kubernetesVersion, KWOK_RUNTIME: "binary" };
  const kwokctl = (args: string[]) => execa(bin.kwokctl, [...args, "--name", name], { env, all: true });
  let failed = false;
  const logsDir = join(workdir, "clusters", name, "logs");

  const stop = async (): Promise<void> => {
    if (failed && existsSync(logsDir)) {
      const kept = join(failedRunLogsDir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      mkdirSync(kept, { recursive: true });
      cpSync(logsDir, kept, { recursive: true });
      console.warn(`control-plane tier: component logs of the failed run kept in ${kept}`);
    }
    await kwokctl(["delete", "cluster", "--kubeconfig", kubeconfig]).catch(() => undefined);
    rmSync(workdir, { recursive: true, force: true });
  };

  const started = Date.now();
  // kwokctl picks its components' free ports by probing; two clusters created at the same moment
  // (test files run in parallel) can pick the same ones and one fails with "address already in
  // use". One creation at a time per machine: once a cluster's nodes are Ready its ports are bound.
  const release = await lock(tmpdir(), {
    lockfilePath: join(tmpdir(), "gitlab-runner-fleet-kwok-create.lock"),
    stale: 180_000,
    retries: { retries: 600, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
  try {
    await kwokctl([
      "create",
      "cluster",
      "--runtime",
      "binary",
      "--kubeconfig",
      kubeconfig,
      "--config",
      configFile,
      "--kube-apiserver-binary",
      bin.kubeApiserver,
      "--kube-controller-manager-binary",
      bin.kubeControllerManager,
      "--kube-scheduler-binary",
      bin.kubeScheduler,
      "--kwok-controller-binary",
      bin.kwok,
      "--etcd-binary",
      bin.etcd,
      "--wait",
      "2m",
    ]);
    await kwokctl(["scale", "node", "--replicas", String(FAKE_NODES)]);
    const { CoreV1Api, KubeConfig } = await clientNode();
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    await waitFor("fake nodes Ready", 60_000, async () => {
      const nodes = await core.listNode();
      const ready = nodes.items.filter((n) =>
        n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
      );
      return ready.length >= FAKE_NODES;
    });
    await labelZones(core);
    await release();
    return {
      kind: "kwok",
      kubeconfig,
      kc,
      serverVersion: await serverVersion(kc),
      startSeconds: (Date.now() - started) / 1000,
      markFailed: () => void (failed = true),
      stop,
    };
  } catch (error) {
    failed = true;
    await release().catch(() => undefined);
    await stop();
    throw error;
  }
}

/**
 * Puts each fake node in its own zone, as cloud nodes are: topology spread constraints over
 * topology.kubernetes.io/zone leave pods Pending on nodes without the label.
 */
async function labelZones(core: CoreV1Api): Promise<void> {
  const nodes = (await core.listNode()).items.sort((a, b) =>
    (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""),
  );
  for (const [i, node] of nodes.entries()) {
    const name = node.metadata?.name ?? "";
    await waitFor(`zone label on node ${name}`, 30_000, async () => {
      const current = await core.readNode({ name });
      current.metadata = {
        ...current.metadata,
        labels: {
          ...current.metadata?.labels,
          "topology.kubernetes.io/region": "test",
          "topology.kubernetes.io/zone": `test-${String.fromCharCode(97 + i)}`,
        },
      };
      await core.replaceNode({ name, body: current }); // a conflict with kwok's status update retries
      return true;
    });
  }
}

async function serverVersion(kc: KubeConfig): Promise<string> {
  const { VersionApi } = await clientNode();
  return (await kc.makeApiClient(VersionApi).getCode()).gitVersion;
}
