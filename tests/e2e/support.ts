// The kind tier's shared cluster: one kind cluster per run with the mock GitLab deployed in it, namespaces and
// helm releases per test (the control-plane tier's NamespaceScope and waitFor), tokens from the mock's admin API.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoreV1Api, KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { stringify } from "yaml";
import type { Values } from "../../src/generated/values.js";
import { MockGitLabControl } from "../../src/mock-gitlab/index.js";
import { chartRoot } from "../../src/paths.js";
import { NamespaceScope, waitFor, type PodSecurityLevel } from "../../src/testing/cluster/index.js";
import { createRunnerThroughAdminApi, valuesForMock } from "../../src/testing/e2e/fleet.js";
import { deployMockGitLab, type MockInCluster } from "../../src/testing/e2e/mock-in-cluster.js";
import {
  buildImage,
  createKindCluster,
  deleteKindCluster,
  helmUninstall,
  helmUpgradeInstall,
  loadImages,
  MOCK_GITLAB_IMAGE,
  mockGitLabImageBuild,
  type KindCluster,
  type Release,
} from "../../src/testing/kind/index.js";

export const MOCK_NAMESPACE = "mock-gitlab";

export interface E2eCluster {
  cluster: KindCluster;
  kc: KubeConfig;
  core: CoreV1Api;
  mock: MockInCluster;
  control: MockGitLabControl;
  adminToken: string;
  registrationToken: string;
  work: string;
  stop(): Promise<void>;
}

/** Tokens of the in-cluster mock: fake, random per run, never printed. */
const fakeToken = (prefix: string): string => `${prefix}FAKE${randomBytes(10).toString("hex")}`;

export async function startE2eCluster(): Promise<E2eCluster> {
  const work = mkdtempSync(join(tmpdir(), "fleet-e2e-"));
  const cluster: KindCluster = {
    name: `fleet-e2e-${process.pid}`,
    configPath: join(chartRoot, "tests", "e2e", "kind-config.yaml"),
    kubeconfigPath: join(work, "kubeconfig"),
  };
  await buildImage(mockGitLabImageBuild);
  await createKindCluster(cluster);
  const stop = async (): Promise<void> => {
    // KEEP_KIND_CLUSTER=1 leaves the cluster for a look after a failure.
    if (process.env.KEEP_KIND_CLUSTER !== "1") await deleteKindCluster(cluster);
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await loadImages(cluster, [MOCK_GITLAB_IMAGE]);
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    const scope = new NamespaceScope(kc);
    await scope.create(MOCK_NAMESPACE, "restricted");
    const adminToken = fakeToken("glpat-");
    const registrationToken = fakeToken("GR1348941");
    const mock = await deployMockGitLab(kc, MOCK_NAMESPACE, { admin: adminToken, registration: registrationToken });
    return {
      cluster,
      kc,
      core: kc.makeApiClient(CoreV1Api),
      mock,
      control: new MockGitLabControl(mock.hostUrl),
      adminToken,
      registrationToken,
      work,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What one test installed: its release, namespaces and the mock runner ids of its entries. */
export interface Installed {
  release: Release;
  /** StatefulSet name: <release>-gitlab-runner-fleet (the chart's fullname). */
  statefulSet: string;
  runnerIds: Record<string, number>;
  valuesFile: string;
}

export interface InstallRequest {
  release: string;
  namespace: string;
  values: Partial<Values>;
  /** Tag every job of this test carries, given to `jobRunner`'s token so no other test's runner takes its jobs. */
  tag: string;
  /** The entry that takes the test's jobs (others get a tag no job has). Default: the first entry. */
  jobRunner?: string;
}

export async function install(e2e: E2eCluster, request: InstallRequest): Promise<Installed> {
  const entries = request.values.runners ?? [];
  const jobRunner = request.jobRunner ?? entries[0]?.name;
  const tokens: Record<string, string> = {};
  const runnerIds: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.token?.kind === "registration") {
      tokens[entry.name] = e2e.registrationToken;
      continue;
    }
    const tag = entry.name === jobRunner ? request.tag : `${request.tag}-idle`;
    const created = await createRunnerThroughAdminApi(e2e.mock.hostUrl, e2e.adminToken, {
      description: `${request.release}/${entry.name}`,
      tag_list: [tag],
      run_untagged: false,
    });
    tokens[entry.name] = created.token;
    runnerIds[entry.name] = created.id;
  }
  const valuesFile = join(e2e.work, `${request.release}-values.yaml`);
  writeFileSync(valuesFile, stringify(valuesForMock(request.values, e2e.mock.inClusterUrl, tokens)));
  const release: Release = {
    name: request.release,
    namespace: request.namespace,
    kubeconfigPath: e2e.cluster.kubeconfigPath,
  };
  await helmUpgradeInstall(release, { chart: chartRoot, valuesFiles: [valuesFile], timeoutSeconds: 600 });
  return { release, statefulSet: `${request.release}-gitlab-runner-fleet`, runnerIds, valuesFile };
}

export async function uninstall(installed: Installed): Promise<void> {
  await helmUninstall(installed.release);
}

/** The first pod the runner created for entry `runner` in `namespace` (label manager.runner.gitlab.com/name). */
export async function waitForJobPod(
  e2e: E2eCluster,
  namespace: string,
  runner: string,
  timeoutMs = 300_000,
): Promise<V1Pod> {
  let found: V1Pod | undefined;
  await waitFor(
    `a job pod of runner ${runner} in ${namespace}`,
    timeoutMs,
    async () => {
      const pods = await e2e.core.listNamespacedPod({
        namespace,
        labelSelector: `manager.runner.gitlab.com/name=${runner}`,
      });
      found = pods.items[0];
      return found !== undefined || `${pods.items.length} pods`;
    },
    1000,
  );
  if (!found) throw new Error("unreachable");
  return found;
}

export async function jobPodsOf(e2e: E2eCluster, namespace: string, runner: string): Promise<V1Pod[]> {
  return (await e2e.core.listNamespacedPod({ namespace, labelSelector: `manager.runner.gitlab.com/name=${runner}` }))
    .items;
}

export async function managerPodsReady(e2e: E2eCluster, installed: Installed, replicas: number): Promise<V1Pod[]> {
  let pods: V1Pod[] = [];
  await waitFor(
    `${replicas} Ready manager pods of ${installed.release.name}`,
    600_000,
    async () => {
      pods = (
        await e2e.core.listNamespacedPod({
          namespace: installed.release.namespace,
          labelSelector: `app.kubernetes.io/instance=${installed.release.name},app.kubernetes.io/name=gitlab-runner-fleet`,
        })
      ).items.filter((p) => p.metadata?.name?.startsWith(`${installed.statefulSet}-`));
      const ready = pods.filter(
        (p) =>
          !p.metadata?.deletionTimestamp &&
          p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
      );
      return ready.length === replicas || `${ready.length}/${replicas} Ready`;
    },
    1000,
  );
  return pods;
}

/** A namespace per test, cleaned up by the scope. */
export async function namespaces(scope: NamespaceScope, wanted: Map<string, PodSecurityLevel>): Promise<void> {
  for (const [name, level] of wanted) await scope.create(name, level);
}
