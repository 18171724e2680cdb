import { readFileSync } from "node:fs";
import {
  ApiextensionsV1Api,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  DiscoveryV1Api,
  KubernetesObjectApi,
  loadAllYaml,
  type KubeConfig,
  type KubernetesObject,
  type V1Pod,
} from "@kubernetes/client-node";
import { monitoringCrdFiles, statusOf, waitFor, type TestCluster } from "../../../src/testing/cluster/index.js";
import type { Fixture, ScenarioPlan } from "../../../src/testing/cluster/scenario-plan.js";
import { describePermission, type Permission } from "./permissions.js";

/** Creates the scenario's fixtures; returns the cluster-scoped ones this test owns (to delete). */
export async function applyFixtures(kc: KubeConfig, plan: ScenarioPlan): Promise<Fixture[]> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const owned: Fixture[] = [];
  for (const fixture of plan.fixtures) {
    try {
      await objects.create(fixture as KubernetesObject);
      if (fixture.kind === "PersistentVolume") owned.push(fixture);
    } catch (error) {
      // StorageClasses and PriorityClasses are shared by every scenario that names them.
      if (statusOf(error) !== 409 || fixture.metadata.namespace) throw error;
    }
  }
  return owned;
}

export async function deleteClusterFixtures(kc: KubeConfig, fixtures: readonly Fixture[]): Promise<void> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  await Promise.all(
    fixtures.map((f) =>
      objects.delete(f as KubernetesObject).catch((error: unknown) => {
        if (statusOf(error) !== 404) throw error;
      }),
    ),
  );
}

const crdsInstalled = new WeakMap<TestCluster, Promise<void>>();

/** The pinned prometheus-operator PodMonitor/ServiceMonitor CRDs, once per cluster, Established. */
export function ensureMonitoringCrds(cluster: TestCluster): Promise<void> {
  let installing = crdsInstalled.get(cluster);
  if (!installing) {
    installing = installMonitoringCrds(cluster.kc);
    crdsInstalled.set(cluster, installing);
  }
  return installing;
}

async function installMonitoringCrds(kc: KubeConfig): Promise<void> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const api = kc.makeApiClient(ApiextensionsV1Api);
  for (const file of monitoringCrdFiles()) {
    // loadAllYaml gives client-node's typed form (x-kubernetes-* keys renamed), which is what
    // its serializer expects; a plain YAML parse would lose those keys on the way out.
    for (const crd of loadAllYaml(readFileSync(file, "utf8")) as KubernetesObject[]) {
      try {
        await objects.create(crd);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const name = crd.metadata?.name ?? "";
      await waitFor(`CRD ${name} Established`, 30_000, async () => {
        const read = await api.readCustomResourceDefinition({ name });
        return read.status?.conditions?.some((c) => c.type === "Established" && c.status === "True") ?? false;
      });
    }
  }
}

/** Every object of the render, read back from the server; the names of those missing. */
export async function missingObjects(
  kc: KubeConfig,
  objects: readonly KubernetesObject[],
  namespace: string,
): Promise<string[]> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  const missing: string[] = [];
  for (const obj of objects) {
    const header = {
      apiVersion: obj.apiVersion ?? "",
      kind: obj.kind ?? "",
      metadata: { name: obj.metadata?.name ?? "", namespace: obj.metadata?.namespace ?? namespace },
    };
    try {
      await api.read(header);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      missing.push(`${header.kind}/${header.metadata.namespace}/${header.metadata.name}`);
    }
  }
  return missing;
}

/** Objects of the render still on the server (after uninstall). */
export async function remainingObjects(
  kc: KubeConfig,
  objects: readonly KubernetesObject[],
  namespace: string,
): Promise<string[]> {
  const missing = new Set(await missingObjects(kc, objects, namespace));
  return objects
    .map((o) => `${o.kind}/${o.metadata?.namespace ?? namespace}/${o.metadata?.name}`)
    .filter((id) => !missing.has(id));
}

export interface ManagerPod {
  name: string;
  uid: string;
  ready: boolean;
  terminating: boolean;
  annotations: Record<string, string>;
}

export async function managerPods(kc: KubeConfig, plan: ScenarioPlan): Promise<ManagerPod[]> {
  const core = kc.makeApiClient(CoreV1Api);
  const selector = Object.entries(plan.statefulSet.spec.selector.matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const pods = await core.listNamespacedPod({ namespace: plan.namespace, labelSelector: selector });
  return pods.items
    .map((pod: V1Pod) => ({
      name: pod.metadata?.name ?? "",
      uid: pod.metadata?.uid ?? "",
      ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false,
      terminating: Boolean(pod.metadata?.deletionTimestamp),
      annotations: pod.metadata?.annotations ?? {},
    }))
    .sort((a, b) => ordinal(a.name) - ordinal(b.name));
}

export const ordinal = (podName: string): number => Number(podName.slice(podName.lastIndexOf("-") + 1));

/** The names a StatefulSet gives its pods: <name>-0 … <name>-(n-1). */
export function expectedPodNames(plan: ScenarioPlan, replicas: number): string[] {
  return Array.from({ length: replicas }, (_, i) => `${plan.statefulSet.metadata.name}-${i}`);
}

/** Waits until exactly the expected pods exist, all Ready and none terminating, and the StatefulSet is rolled out. */
export async function waitForManagers(
  kc: KubeConfig,
  plan: ScenarioPlan,
  replicas: number,
  timeoutMs = 120_000,
): Promise<ManagerPod[]> {
  const apps = kc.makeApiClient(AppsV1Api);
  const want = expectedPodNames(plan, replicas).join(",");
  let pods: ManagerPod[] = [];
  await waitFor(`${want} Ready`, timeoutMs, async () => {
    pods = await managerPods(kc, plan);
    const sts = await apps.readNamespacedStatefulSet({
      name: plan.statefulSet.metadata.name,
      namespace: plan.namespace,
    });
    const s = sts.status;
    const rolledOut =
      s?.updateRevision === s?.currentRevision && s?.readyReplicas === replicas && s?.replicas === replicas;
    const state = pods
      .map((p) => `${p.name}${p.ready ? "" : " (not ready)"}${p.terminating ? " (terminating)" : ""}`)
      .join(",");
    return (
      (pods.map((p) => p.name).join(",") === want && pods.every((p) => p.ready && !p.terminating) && rolledOut) ||
      `pods ${state}; status ${JSON.stringify(s)}`
    );
  });
  return pods;
}

/** Hostnames and ports the headless Service publishes (what the test pod resolves and calls). */
export async function headlessEndpoints(
  kc: KubeConfig,
  plan: ScenarioPlan,
): Promise<{ hostnames: string[]; ports: number[] }> {
  const discovery = kc.makeApiClient(DiscoveryV1Api);
  const slices = await discovery.listNamespacedEndpointSlice({
    namespace: plan.namespace,
    labelSelector: `kubernetes.io/service-name=${plan.statefulSet.spec.serviceName}`,
  });
  const endpoints = slices.items.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready);
  return {
    hostnames: endpoints.map((e) => e.hostname ?? "").sort(),
    ports: [...new Set(slices.items.flatMap((s) => s.ports ?? []).map((p) => p.port ?? 0))],
  };
}

/** SubjectAccessReview as the given ServiceAccount: whether the authorizer allows `p` in `namespace`. */
export async function allowed(
  kc: KubeConfig,
  serviceAccount: { name: string; namespace: string },
  p: Permission,
  namespace?: string,
): Promise<boolean> {
  const api = kc.makeApiClient(AuthorizationV1Api);
  const user = `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`;
  const review = await api.createSubjectAccessReview({
    body: {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SubjectAccessReview",
      spec: {
        user,
        groups: [
          "system:serviceaccounts",
          `system:serviceaccounts:${serviceAccount.namespace}`,
          "system:authenticated",
        ],
        resourceAttributes: {
          group: p.group,
          resource: p.resource,
          ...(p.subresource ? { subresource: p.subresource } : {}),
          verb: p.verb,
          ...(p.clusterScoped || namespace === undefined ? {} : { namespace }),
        },
      },
    },
  });
  return review.status?.allowed === true;
}

/** Permissions whose review answer differs from `expected`, described for the failure message. */
export async function permissionMismatches(
  kc: KubeConfig,
  serviceAccount: { name: string; namespace: string },
  checks: { permission: Permission; namespace?: string }[],
  expected: boolean,
): Promise<string[]> {
  const answers = await Promise.all(
    checks.map(({ permission, namespace }) => allowed(kc, serviceAccount, permission, namespace)),
  );
  return checks
    .filter((_, i) => answers[i] !== expected)
    .map(({ permission, namespace }) => describePermission(permission, namespace));
}
