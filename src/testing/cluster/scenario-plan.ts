import { renderChart, configTomlOf, statefulSetOf, type KubeObject } from "../render.js";
import type { PodSecurityLevel } from "./namespaces.js";

// What a scenario needs from the cluster and what to expect from it, read from its own render
// (helm template with the same release, namespace and Kubernetes version as the install), so
// the tests follow the scenarios as they change instead of repeating them.

export interface JobNamespace {
  name: string;
  level: PodSecurityLevel;
  /** Runner entries (config.toml [[runners]]) whose job pods go there. */
  runners: RunnerConfig[];
}

/** The part of a config.toml [[runners]] entry the permission table depends on. */
export interface RunnerConfig {
  name: string;
  feature_flags?: Record<string, boolean>;
  kubernetes?: {
    host?: string;
    namespace?: string;
    privileged?: boolean;
    namespace_per_job?: boolean;
    print_pod_warning_events?: boolean;
    pod_disruption_budget?: boolean;
    autoscaler?: unknown;
  };
}

export interface Fixture {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface ScenarioPlan {
  release: string;
  namespace: string;
  objects: KubeObject[];
  /** Objects helm creates as hooks (tests), not part of the release's resources. */
  hooks: KubeObject[];
  statefulSet: KubeObject & { spec: StatefulSetSpec };
  replicas: number;
  serviceAccount: string;
  /** Namespaces of local job pods other than the release namespace, with their Pod Security level. */
  jobNamespaces: JobNamespace[];
  /** Level of the release namespace: restricted, unless privileged job pods run there too. */
  releaseNamespaceLevel: PodSecurityLevel;
  /** Runner entries whose job pods run in the release namespace. */
  releaseNamespaceRunners: RunnerConfig[];
  /** Runner entries whose jobs run in another cluster (kubernetes.host): no permission here. */
  remoteRunners: RunnerConfig[];
  /** Objects the scenario expects to exist already (Secrets, ServiceAccounts, storage). */
  fixtures: Fixture[];
  /** Monitoring kinds (PodMonitor, ServiceMonitor) whose CRDs must be installed. */
  monitoringKinds: string[];
}

interface PodSpecLike {
  serviceAccountName?: string;
  priorityClassName?: string;
  volumes?: Record<string, unknown>[];
  containers?: {
    env?: { valueFrom?: Record<string, { name?: string; key?: string; optional?: boolean }> }[];
    envFrom?: Record<string, { name?: string; optional?: boolean }>[];
  }[];
  initContainers?: PodSpecLike["containers"];
}

export interface StatefulSetSpec {
  replicas?: number;
  serviceName: string;
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { annotations?: Record<string, string> }; spec: PodSpecLike };
  volumeClaimTemplates?: {
    metadata: { name: string };
    spec: { storageClassName?: string; resources?: { requests?: { storage?: string } }; accessModes?: string[] };
  }[];
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
}

export async function planScenario(
  values: unknown,
  release: string,
  namespace: string,
  kubeVersion: string,
): Promise<ScenarioPlan> {
  const { objects: all } = await renderChart(values, { helm: 4, releaseName: release, namespace, kubeVersion });
  const hooks = all.filter((o) => o.metadata.annotations?.["helm.sh/hook"]);
  const objects = all.filter((o) => !hooks.includes(o));
  const statefulSet = statefulSetOf(objects) as unknown as ScenarioPlan["statefulSet"];
  const podSpec = statefulSet.spec.template.spec;
  const runners = ((configTomlOf(objects).runners ?? []) as RunnerConfig[]).map((r) => ({ ...r }));
  const local = runners.filter((r) => !r.kubernetes?.host);
  const byNamespace = new Map<string, RunnerConfig[]>();
  for (const runner of local) {
    const ns = runner.kubernetes?.namespace || namespace;
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), runner]);
  }
  // A namespace that holds a Role of the release but no runner's jobs still gets checked.
  for (const role of objects.filter((o) => o.kind === "Role")) {
    const ns = role.metadata.namespace ?? namespace;
    if (!byNamespace.has(ns)) byNamespace.set(ns, []);
  }
  const levelOf = (rs: RunnerConfig[]): PodSecurityLevel =>
    rs.some((r) => r.kubernetes?.privileged) ? "privileged" : "restricted";
  const releaseNamespaceRunners = byNamespace.get(namespace) ?? [];
  return {
    release,
    namespace,
    objects,
    hooks,
    statefulSet,
    replicas: statefulSet.spec.replicas ?? 1,
    serviceAccount: podSpec.serviceAccountName ?? "default",
    jobNamespaces: [...byNamespace]
      .filter(([ns]) => ns !== namespace)
      .map(([name, rs]) => ({ name, level: levelOf(rs), runners: rs })),
    releaseNamespaceLevel: levelOf(releaseNamespaceRunners),
    releaseNamespaceRunners,
    remoteRunners: runners.filter((r) => r.kubernetes?.host),
    fixtures: fixturesFor(objects, statefulSet, namespace),
    monitoringKinds: [
      ...new Set(objects.filter((o) => o.apiVersion.startsWith("monitoring.coreos.com/")).map((o) => o.kind)),
    ],
  };
}

/** Everything the manager pods reference that the release does not create. */
function fixturesFor(objects: KubeObject[], statefulSet: ScenarioPlan["statefulSet"], namespace: string): Fixture[] {
  const has = (kind: string, name: string) => objects.some((o) => o.kind === kind && o.metadata.name === name);
  const podSpec = statefulSet.spec.template.spec;
  const keys = new Map<string, Set<string>>();
  const configMapKeys = new Map<string, Set<string>>();
  const need = (map: Map<string, Set<string>>, name: string | undefined, key?: string) => {
    if (!name) return;
    const set = map.get(name) ?? new Set<string>();
    if (key) set.add(key);
    map.set(name, set);
  };
  type Ref = { name?: string; secretName?: string; items?: { key: string }[]; optional?: boolean };
  for (const volume of podSpec.volumes ?? []) {
    const secret = volume.secret as Ref | undefined;
    if (secret && !secret.optional)
      for (const key of secret.items?.map((i) => i.key) ?? [undefined]) need(keys, secret.secretName, key);
    const configMap = volume.configMap as Ref | undefined;
    if (configMap && !configMap.optional)
      for (const key of configMap.items?.map((i) => i.key) ?? [undefined]) need(configMapKeys, configMap.name, key);
    for (const source of (volume.projected as { sources?: Record<string, Ref>[] } | undefined)?.sources ?? []) {
      if (source.secret && !source.secret.optional)
        for (const key of source.secret.items?.map((i) => i.key) ?? [undefined]) need(keys, source.secret.name, key);
      if (source.configMap && !source.configMap.optional)
        for (const key of source.configMap.items?.map((i) => i.key) ?? [undefined])
          need(configMapKeys, source.configMap.name, key);
    }
  }
  for (const container of [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])]) {
    for (const env of container.env ?? []) {
      const ref = env.valueFrom?.secretKeyRef;
      if (ref && !ref.optional) need(keys, ref.name, ref.key);
      const cmRef = env.valueFrom?.configMapKeyRef;
      if (cmRef && !cmRef.optional) need(configMapKeys, cmRef.name, cmRef.key);
    }
    for (const from of container.envFrom ?? []) {
      if (from.secretRef && !from.secretRef.optional) need(keys, from.secretRef.name);
      if (from.configMapRef && !from.configMapRef.optional) need(configMapKeys, from.configMapRef.name);
    }
  }
  const fake = (set: Set<string>) => Object.fromEntries([...(set.size ? set : ["value"])].map((k) => [k, `fake-${k}`]));
  const fixtures: Fixture[] = [];
  for (const [name, set] of keys) {
    if (!has("Secret", name))
      fixtures.push({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace }, stringData: fake(set) });
  }
  for (const [name, set] of configMapKeys) {
    if (!has("ConfigMap", name))
      fixtures.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data: fake(set) });
  }
  if (podSpec.serviceAccountName && !has("ServiceAccount", podSpec.serviceAccountName)) {
    fixtures.push({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: podSpec.serviceAccountName, namespace },
    });
  }
  if (podSpec.priorityClassName) {
    fixtures.push({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name: podSpec.priorityClassName },
      value: 1000,
    });
  }
  // One pre-provisioned volume per replica and claim template, bound by the PV controller.
  for (const claim of statefulSet.spec.volumeClaimTemplates ?? []) {
    const storageClassName = claim.spec.storageClassName ?? "";
    if (storageClassName) {
      fixtures.push({
        apiVersion: "storage.k8s.io/v1",
        kind: "StorageClass",
        metadata: { name: storageClassName },
        provisioner: "kubernetes.io/no-provisioner",
        volumeBindingMode: "Immediate",
      });
    }
    for (let i = 0; i < MAX_REPLICAS; i++) {
      fixtures.push({
        apiVersion: "v1",
        kind: "PersistentVolume",
        metadata: { name: `${namespace}-${claim.metadata.name}-${i}`, labels: { "fleet.test/namespace": namespace } },
        spec: {
          capacity: { storage: claim.spec.resources?.requests?.storage ?? "1Gi" },
          accessModes: claim.spec.accessModes ?? ["ReadWriteOnce"],
          storageClassName,
          persistentVolumeReclaimPolicy: "Retain",
          hostPath: { path: `/tmp/${namespace}-${claim.metadata.name}-${i}` },
          claimRef: { namespace, name: `${claim.metadata.name}-${statefulSet.metadata.name}-${i}` },
        },
      });
    }
  }
  return fixtures;
}

/** The most replicas any step of the tier runs (scale test: 3). */
export const MAX_REPLICAS = 3;
