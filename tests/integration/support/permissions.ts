import type { RunnerConfig } from "../../../src/testing/cluster/scenario-plan.js";

// The kubernetes executor's API permissions, per feature, as the runner documents them for the
// chart's appVersion: gitlab-runner docs/executors/kubernetes/_index.md, section "Configure runner
// API permissions" (the k8s_api_permissions_list table), at commit
// d79f3e7b89abceace75e2425bfe92b84ea059933 (VERSION 19.4.0). Each verb carries the condition
// under which the executor calls it; feature flag defaults are those of helpers/featureflags/flags.go
// at the same commit (all listed ones default to false), print_pod_warning_events defaults to true.

export interface Permission {
  group: string;
  resource: string;
  subresource?: string;
  verb: string;
  /** Namespaced (in the job namespace) or cluster-scoped. */
  clusterScoped?: boolean;
}

type Condition = (runner: RunnerConfig) => boolean;

const ff =
  (name: string, fallback = false): Condition =>
  (r) =>
    r.feature_flags?.[name] ?? fallback;
const always: Condition = () => true;
const any =
  (...conditions: Condition[]): Condition =>
  (r) =>
    conditions.some((c) => c(r));
const notLegacyExecution: Condition = (r) => !ff("FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY")(r);
const suspendable = ff("FF_SUSPENDABLE_ENVIRONMENTS");
const autoscaler: Condition = (r) => r.kubernetes?.autoscaler !== undefined;
// "list/watch (using Informers)": since 17.9 the executor uses an informer when both are granted;
// the chart grants them so that it does, which makes them required here.
const informers = always;

const TABLE: [Omit<Permission, "verb">, Record<string, Condition>][] = [
  [
    { group: "apps", resource: "deployments" },
    { create: autoscaler, delete: autoscaler, get: autoscaler, list: autoscaler, update: autoscaler },
  ],
  [
    { group: "", resource: "configmaps" },
    { create: suspendable, delete: suspendable, get: suspendable, update: suspendable },
  ],
  [
    { group: "", resource: "events" },
    { list: (r) => r.kubernetes?.print_pod_warning_events ?? true, watch: ff("FF_PRINT_POD_EVENTS") },
  ],
  [
    { group: "", resource: "namespaces", clusterScoped: true },
    {
      create: (r) => r.kubernetes?.namespace_per_job === true,
      delete: (r) => r.kubernetes?.namespace_per_job === true,
      get: suspendable,
    },
  ],
  [
    { group: "", resource: "persistentvolumeclaims" },
    { create: suspendable, delete: suspendable },
  ],
  [
    { group: "", resource: "pods" },
    {
      create: always,
      delete: always,
      get: always,
      list: informers,
      watch: any(informers, ff("FF_KUBERNETES_HONOR_ENTRYPOINT"), notLegacyExecution),
    },
  ],
  [
    { group: "", resource: "pods", subresource: "attach" },
    { create: notLegacyExecution, delete: notLegacyExecution, get: notLegacyExecution, patch: notLegacyExecution },
  ],
  [
    { group: "", resource: "pods", subresource: "exec" },
    { create: always, delete: always, get: always, patch: always },
  ],
  [
    { group: "", resource: "pods", subresource: "log" },
    {
      get: any(
        ff("FF_CONCRETE"),
        ff("FF_KUBERNETES_HONOR_ENTRYPOINT"),
        notLegacyExecution,
        ff("FF_WAIT_FOR_POD_TO_BE_REACHABLE"),
      ),
      list: any(ff("FF_KUBERNETES_HONOR_ENTRYPOINT"), notLegacyExecution),
    },
  ],
  [
    { group: "policy", resource: "poddisruptionbudgets" },
    {
      create: (r) => r.kubernetes?.pod_disruption_budget === true,
      get: (r) => r.kubernetes?.pod_disruption_budget === true,
    },
  ],
  [
    { group: "scheduling.k8s.io", resource: "priorityclasses", clusterScoped: true },
    { create: autoscaler, get: autoscaler },
  ],
  [
    { group: "", resource: "secrets" },
    { create: always, delete: always, get: always, update: always },
  ],
  [{ group: "", resource: "serviceaccounts" }, { get: always }],
  [
    { group: "", resource: "services" },
    { create: always, get: always },
  ],
];

/** Every (verb, resource) the executor calls for these runner entries, without duplicates. */
export function requiredPermissions(runners: readonly RunnerConfig[]): Permission[] {
  const out = new Map<string, Permission>();
  for (const runner of runners) {
    for (const [resource, verbs] of TABLE) {
      for (const [verb, needed] of Object.entries(verbs)) {
        if (needed(runner))
          out.set(`${resource.group}/${resource.resource}/${resource.subresource ?? ""}/${verb}`, {
            ...resource,
            verb,
          });
      }
    }
  }
  return [...out.values()];
}

export function describePermission(p: Permission, namespace?: string): string {
  const resource = `${p.group ? `${p.group}/` : ""}${p.resource}${p.subresource ? `/${p.subresource}` : ""}`;
  return `${p.verb} ${resource}${p.clusterScoped ? " (cluster)" : namespace ? ` in ${namespace}` : ""}`;
}

/** What the manager must not be able to do in a namespace that holds its jobs. */
export const FORBIDDEN_IN_JOB_NAMESPACE: Permission[] = [
  { group: "", resource: "secrets", verb: "list" },
  { group: "", resource: "secrets", verb: "watch" },
  { group: "", resource: "pods", verb: "update" },
  { group: "", resource: "pods", verb: "patch" },
  { group: "", resource: "pods", subresource: "ephemeralcontainers", verb: "patch" },
  { group: "", resource: "pods", subresource: "portforward", verb: "create" },
  { group: "", resource: "serviceaccounts", subresource: "token", verb: "create" },
  { group: "", resource: "persistentvolumeclaims", verb: "create" },
  { group: "apps", resource: "deployments", verb: "create" },
  { group: "apps", resource: "statefulsets", verb: "patch" },
  { group: "apps", resource: "daemonsets", verb: "create" },
  { group: "batch", resource: "jobs", verb: "create" },
  { group: "rbac.authorization.k8s.io", resource: "roles", verb: "create" },
  { group: "rbac.authorization.k8s.io", resource: "rolebindings", verb: "create" },
  { group: "rbac.authorization.k8s.io", resource: "roles", verb: "escalate" },
  { group: "rbac.authorization.k8s.io", resource: "roles", verb: "bind" },
];

/** What it must not be able to do anywhere else: other namespaces and cluster-scoped objects. */
export const FORBIDDEN_OUTSIDE: Permission[] = [
  { group: "", resource: "pods", verb: "create" },
  { group: "", resource: "pods", subresource: "exec", verb: "create" },
  { group: "", resource: "secrets", verb: "get" },
  { group: "", resource: "configmaps", verb: "get" },
  { group: "apps", resource: "statefulsets", verb: "patch" },
];

export const FORBIDDEN_CLUSTER: Permission[] = [
  { group: "", resource: "nodes", verb: "list", clusterScoped: true },
  { group: "", resource: "namespaces", verb: "create", clusterScoped: true },
  { group: "", resource: "namespaces", verb: "delete", clusterScoped: true },
  { group: "", resource: "persistentvolumes", verb: "create", clusterScoped: true },
  { group: "", resource: "secrets", verb: "list", clusterScoped: true },
  { group: "rbac.authorization.k8s.io", resource: "clusterroles", verb: "create", clusterScoped: true },
  { group: "rbac.authorization.k8s.io", resource: "clusterrolebindings", verb: "create", clusterScoped: true },
  { group: "", resource: "users", verb: "impersonate", clusterScoped: true },
  { group: "", resource: "serviceaccounts", verb: "impersonate", clusterScoped: true },
  { group: "certificates.k8s.io", resource: "certificatesigningrequests", verb: "create", clusterScoped: true },
];
