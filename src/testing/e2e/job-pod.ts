// What a job pod of one runner entry must look like, computed from the chart's values alone (no render, no
// cluster), and a comparison of that expectation with a live pod. The kind tier compares real job pods; unit
// tests pin the expectation itself. The runner's pod builder (gitlab-runner 19.4, executors/kubernetes) is the
// reference for every rule below: container names build/helper/svc-N, NET_RAW dropped by default, privileged
// and allowPrivilegeEscalation from [runners.kubernetes] on every container, tolerations from "key=value"
// map entries, the runner's own labels in the runner.gitlab.com namespace.
import type { V1Container, V1Pod } from "@kubernetes/client-node";
import type { Runner, Values } from "../../generated/values.js";
import { isPlainObject } from "../../json.js";
import { defaultsOf } from "../../schema/defaults.js";
import { loadSchema, type SchemaNode } from "../../schema/load.js";
import { mergeValues } from "../../values/merge.js";

export type JobContainerName = "build" | "helper" | `svc-${number}`;

export interface ExpectedContainer {
  name: JobContainerName;
  /** Only the build container's image follows the values (the helper image is the runner's own default). */
  image?: string;
  requests: Record<string, string>;
  limits: Record<string, string>;
  privileged: boolean;
  allowPrivilegeEscalation: boolean;
  /** Exact sets: the runner's default drop (NET_RAW) unless the values' capabilities replace it. */
  capabilities: { add: string[]; drop: string[] };
  /** Fields the values set explicitly (runAsUser, readOnlyRootFilesystem, seccompProfile…); a subset check. */
  securityContext: Record<string, unknown>;
  /** User volumes mounted here (the runner adds its own, which are not compared). */
  mounts: { name: string; mountPath: string; readOnly: boolean; subPath?: string }[];
}

export type JobVolumeSource = "hostPath" | "persistentVolumeClaim" | "configMap" | "secret" | "emptyDir" | "csi";

export interface ExpectedJobPod {
  runner: string;
  namespace: string;
  /** "default" when the values name none: Kubernetes fills it in. */
  serviceAccountName: string;
  automountServiceAccountToken: boolean;
  nodeSelector: Record<string, string>;
  tolerations: { key: string; operator: "Equal" | "Exists"; value?: string; effect?: string }[];
  /** A subset: the runner adds project and job labels of its own. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  imagePullSecrets: string[];
  podSecurityContext: Record<string, unknown>;
  terminationGracePeriodSeconds: number;
  volumes: { name: string; source: JobVolumeSource }[];
  containers: ExpectedContainer[];
}

export interface ExpectOptions {
  /** Namespace the release is installed in (the job namespace when the values name none). */
  releaseNamespace: string;
  /** Service containers of the job (each becomes svc-N with the service resources). */
  services?: number;
  /** Image the job asks for; empty: kubernetes.image. */
  jobImage?: string;
}

type K8s = NonNullable<Runner["kubernetes"]>;
type ResourceValues = NonNullable<K8s["build"]>;
type ContainerContextValues = NonNullable<K8s["buildContainerSecurityContext"]>;

/** One runner entry with the schema's defaults filled in, as the chart's templates see it. */
export function runnerWithDefaults(runner: Runner): Runner & { kubernetes: K8s } {
  const schema = loadSchema();
  const definitions = (schema.definitions ?? schema.$defs) as Record<string, SchemaNode>;
  const runnerNode = definitions.runner;
  if (!runnerNode) throw new Error("values.schema.json has no runner definition");
  return mergeValues(defaultsOf(schema, runnerNode), runner) as Runner & { kubernetes: K8s };
}

/** values → the job pod of runner entry `runnerName`. */
export function expectedJobPod(values: Partial<Values>, runnerName: string, opts: ExpectOptions): ExpectedJobPod {
  const entry = (values.runners ?? []).find((r) => r.name === runnerName);
  if (!entry) throw new Error(`no runner entry named ${runnerName} in the values`);
  if ((entry.executor ?? "kubernetes") !== "kubernetes")
    throw new Error(`runner ${runnerName} does not use the kubernetes executor`);
  const k = runnerWithDefaults(entry).kubernetes;
  const volumeList = userVolumes(k);
  const container = (
    name: JobContainerName,
    resources: ResourceValues | undefined,
    context: ContainerContextValues | undefined,
  ): ExpectedContainer => ({
    name,
    ...resourcesOf(resources),
    privileged: k.privileged ?? false,
    allowPrivilegeEscalation: k.allowPrivilegeEscalation ?? false,
    capabilities: {
      add: [...(context?.capabilities?.add ?? [])].sort(),
      drop: [...(context?.capabilities?.drop ?? ["NET_RAW"])].sort(),
    },
    securityContext: containerContextFields(context),
    mounts: volumeList.map((v) => ({
      name: v.name,
      mountPath: v.mountPath,
      readOnly: v.readOnly,
      ...(v.subPath ? { subPath: v.subPath } : {}),
    })),
  });
  const build = {
    ...container("build", k.build, k.buildContainerSecurityContext),
    image: opts.jobImage || (k.image ?? "alpine:3.22"),
  };
  const services = Array.from({ length: opts.services ?? 0 }, (_, i) =>
    container(`svc-${i}`, k.service, k.serviceContainerSecurityContext),
  );
  return {
    runner: runnerName,
    namespace: k.namespace || values.jobNamespace || opts.releaseNamespace,
    serviceAccountName: k.serviceAccount || "default",
    automountServiceAccountToken: k.automountServiceAccountToken ?? false,
    nodeSelector: { ...(k.nodeSelector ?? {}) } as Record<string, string>,
    tolerations: (k.nodeTolerations ?? []).map((t) => {
      const exists = (t.operator ?? "Equal") === "Exists";
      return {
        key: t.key,
        operator: exists ? "Exists" : "Equal",
        ...(exists ? {} : { value: t.value ?? "" }),
        ...(t.effect ? { effect: t.effect } : {}),
      };
    }),
    labels: { ...(k.podLabels ?? {}), "manager.runner.gitlab.com/name": runnerName } as Record<string, string>,
    annotations: { ...(k.podAnnotations ?? {}) } as Record<string, string>,
    imagePullSecrets: [...(k.imagePullSecrets ?? [])],
    podSecurityContext: podContextFields(k.podSecurityContext),
    terminationGracePeriodSeconds: k.terminationGracePeriodSeconds ?? 30,
    volumes: volumeList.map((v) => ({ name: v.name, source: v.source })),
    containers: [build, container("helper", k.helper, k.helperContainerSecurityContext), ...services],
  };
}

const RESOURCE_KEYS = [
  ["cpuRequest", "requests", "cpu"],
  ["cpuLimit", "limits", "cpu"],
  ["memoryRequest", "requests", "memory"],
  ["memoryLimit", "limits", "memory"],
  ["ephemeralStorageRequest", "requests", "ephemeral-storage"],
  ["ephemeralStorageLimit", "limits", "ephemeral-storage"],
] as const;

function resourcesOf(resources: ResourceValues | undefined): {
  requests: Record<string, string>;
  limits: Record<string, string>;
} {
  const out = { requests: {} as Record<string, string>, limits: {} as Record<string, string> };
  for (const [key, kind, resource] of RESOURCE_KEYS) {
    const value = resources?.[key];
    if (value) out[kind][resource] = value;
  }
  return out;
}

/** Our selinuxType is the runner's selinux_type, which it turns into seLinuxOptions.type. */
function withSelinux(fields: Record<string, unknown>): Record<string, unknown> {
  const { selinuxType, ...rest } = fields;
  return selinuxType ? { ...rest, seLinuxOptions: { type: selinuxType } } : rest;
}

function podContextFields(context: K8s["podSecurityContext"]): Record<string, unknown> {
  return withSelinux({ ...(context ?? {}) });
}

function containerContextFields(context: ContainerContextValues | undefined): Record<string, unknown> {
  const { capabilities: _capabilities, ...rest } = context ?? {};
  return withSelinux(rest);
}

interface UserVolume {
  name: string;
  source: JobVolumeSource;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
}

const VOLUME_SOURCES: Record<string, JobVolumeSource> = {
  hostPath: "hostPath",
  pvc: "persistentVolumeClaim",
  configMap: "configMap",
  secret: "secret",
  emptyDir: "emptyDir",
  csi: "csi",
};

function userVolumes(k: K8s): UserVolume[] {
  const volumes = (k.volumes ?? {}) as Record<
    string,
    { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[] | undefined
  >;
  return Object.entries(VOLUME_SOURCES).flatMap(([key, source]) =>
    (volumes[key] ?? []).map((v) => ({
      name: v.name,
      source,
      mountPath: v.mountPath,
      readOnly: v.readOnly ?? false,
      ...(v.subPath ? { subPath: v.subPath } : {}),
    })),
  );
}

// ---- comparison with a live pod ----

/** Every difference between the expectation and a pod the runner created, as readable lines; empty when it matches. */
export function jobPodMismatches(expected: ExpectedJobPod, pod: V1Pod): string[] {
  const problems: string[] = [];
  const spec = pod.spec;
  const check = (what: string, ok: boolean, actual: unknown, wanted: unknown): void => {
    if (!ok) problems.push(`${what}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
  };
  if (!spec) return ["pod has no spec"];
  check("namespace", pod.metadata?.namespace === expected.namespace, pod.metadata?.namespace, expected.namespace);
  check(
    "serviceAccountName",
    (spec.serviceAccountName ?? "default") === expected.serviceAccountName,
    spec.serviceAccountName,
    expected.serviceAccountName,
  );
  check(
    "automountServiceAccountToken",
    (spec.automountServiceAccountToken ?? true) === expected.automountServiceAccountToken,
    spec.automountServiceAccountToken,
    expected.automountServiceAccountToken,
  );
  check(
    "nodeSelector",
    sameMap(spec.nodeSelector ?? {}, expected.nodeSelector),
    spec.nodeSelector,
    expected.nodeSelector,
  );
  // The API server adds the not-ready/unreachable NoExecute tolerations to every pod; only ours are compared.
  const tolerations = (spec.tolerations ?? []).filter(
    (t) =>
      !/^node\.kubernetes\.io\/(not-ready|unreachable)$/.test(t.key ?? "") ||
      t.effect !== "NoExecute" ||
      t.tolerationSeconds === undefined,
  );
  const key = (t: { key?: string; operator?: string; value?: string; effect?: string }) =>
    JSON.stringify([t.key ?? "", t.operator ?? "Equal", t.value ?? "", t.effect ?? ""]);
  check("tolerations", sameSet(tolerations.map(key), expected.tolerations.map(key)), tolerations, expected.tolerations);
  check("labels", includesMap(pod.metadata?.labels ?? {}, expected.labels), pod.metadata?.labels, expected.labels);
  check(
    "annotations",
    includesMap(pod.metadata?.annotations ?? {}, expected.annotations),
    pod.metadata?.annotations,
    expected.annotations,
  );
  const pullSecrets = (spec.imagePullSecrets ?? []).map((s) => s.name ?? "");
  check("imagePullSecrets", sameSet(pullSecrets, expected.imagePullSecrets), pullSecrets, expected.imagePullSecrets);
  check(
    "securityContext",
    includesDeep(spec.securityContext ?? {}, expected.podSecurityContext),
    spec.securityContext,
    expected.podSecurityContext,
  );
  check(
    "terminationGracePeriodSeconds",
    spec.terminationGracePeriodSeconds === expected.terminationGracePeriodSeconds,
    spec.terminationGracePeriodSeconds,
    expected.terminationGracePeriodSeconds,
  );
  for (const volume of expected.volumes) {
    const found = (spec.volumes ?? []).find((v) => v.name === volume.name);
    check(
      `volume ${volume.name}`,
      found !== undefined && (found as unknown as Record<string, unknown>)[volume.source] !== undefined,
      found,
      volume,
    );
  }
  const names = spec.containers.map((c) => c.name);
  check(
    "containers",
    sameSet(
      names,
      expected.containers.map((c) => c.name),
    ),
    names,
    expected.containers.map((c) => c.name),
  );
  for (const wanted of expected.containers) {
    const actual = spec.containers.find((c) => c.name === wanted.name);
    if (actual) problems.push(...containerMismatches(wanted, actual));
  }
  return problems;
}

function containerMismatches(wanted: ExpectedContainer, actual: V1Container): string[] {
  const problems: string[] = [];
  const where = `container ${wanted.name}`;
  const check = (what: string, ok: boolean, got: unknown, want: unknown): void => {
    if (!ok) problems.push(`${where} ${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  if (wanted.image !== undefined) check("image", actual.image === wanted.image, actual.image, wanted.image);
  check(
    "requests",
    sameQuantities(actual.resources?.requests ?? {}, wanted.requests),
    actual.resources?.requests,
    wanted.requests,
  );
  check(
    "limits",
    sameQuantities(actual.resources?.limits ?? {}, wanted.limits),
    actual.resources?.limits,
    wanted.limits,
  );
  const context = actual.securityContext ?? {};
  check("privileged", (context.privileged ?? false) === wanted.privileged, context.privileged, wanted.privileged);
  check(
    "allowPrivilegeEscalation",
    (context.allowPrivilegeEscalation ?? true) === wanted.allowPrivilegeEscalation,
    context.allowPrivilegeEscalation,
    wanted.allowPrivilegeEscalation,
  );
  check(
    "capabilities.add",
    sameSet(context.capabilities?.add ?? [], wanted.capabilities.add),
    context.capabilities?.add,
    wanted.capabilities.add,
  );
  check(
    "capabilities.drop",
    sameSet(context.capabilities?.drop ?? [], wanted.capabilities.drop),
    context.capabilities?.drop,
    wanted.capabilities.drop,
  );
  check("securityContext", includesDeep(context, wanted.securityContext), context, wanted.securityContext);
  for (const mount of wanted.mounts) {
    const found = (actual.volumeMounts ?? []).find((m) => m.name === mount.name);
    const ok =
      found !== undefined &&
      found.mountPath === mount.mountPath &&
      (found.readOnly ?? false) === mount.readOnly &&
      (found.subPath ?? undefined) === mount.subPath;
    check(`mount ${mount.name}`, ok, found, mount);
  }
  return problems;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

const sameMap = (a: Record<string, string>, b: Record<string, string>): boolean =>
  includesMap(a, b) && includesMap(b, a);

const includesMap = (actual: Record<string, string>, wanted: Record<string, string>): boolean =>
  Object.entries(wanted).every(([k, v]) => actual[k] === v);

/** Every field of `wanted` is in `actual` with the same value (objects compared field by field, lists exactly). */
export function includesDeep(actual: unknown, wanted: unknown): boolean {
  if (isPlainObject(wanted)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(wanted).every(([k, v]) => includesDeep(actual[k], v));
  }
  return JSON.stringify(actual) === JSON.stringify(wanted);
}

function sameQuantities(actual: Record<string, string>, wanted: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(actual), ...Object.keys(wanted)]);
  return [...keys].every(
    (k) => actual[k] !== undefined && wanted[k] !== undefined && quantityValue(actual[k]) === quantityValue(wanted[k]),
  );
}

const SUFFIXES: Record<string, number> = {
  "": 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity as a number, so "0.5" and "500m" (the API server's canonical form) compare equal. */
export function quantityValue(quantity: string): number {
  const match = /^([+-]?\d+(?:\.\d+)?)(?:[eE]([+-]?\d+))?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(quantity.trim());
  if (!match) throw new Error(`not a Kubernetes quantity: ${quantity}`);
  const [, number = "0", exponent, suffix = ""] = match;
  return Number(number) * 10 ** Number(exponent ?? 0) * (SUFFIXES[suffix] ?? 1);
}
