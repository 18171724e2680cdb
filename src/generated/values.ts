/* GENERATED from values.schema.json by `npm run generate`: edit the schema, not this file. */

/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "k8sName".
 */
export type K8SName = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "optionalK8sName".
 */
export type OptionalK8SName = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "secretKey".
 */
export type SecretKey = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "port".
 */
export type Port = number;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "cidr".
 */
export type Cidr = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "quantity".
 */
export type Quantity = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "optionalQuantity".
 */
export type OptionalQuantity = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "regex".
 */
export type Regex = string;
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "k8sPullPolicy".
 */
export type K8SPullPolicy = "Always" | "IfNotPresent" | "Never";
/**
 * Volume name.
 *
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobVolumeName".
 */
export type JobVolumeName = K8SName;
/**
 * Path in the job containers.
 *
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobMountPath".
 */
export type JobMountPath = string;
/**
 * Sub-path of the volume.
 *
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobSubPath".
 */
export type JobSubPath = string;
/**
 * Mount read-only.
 *
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobReadOnly".
 */
export type JobReadOnly = boolean;

/**
 * Values of the gitlab-runner-fleet chart: a StatefulSet of GitLab Runner managers, one or more runner entries each.
 */
export interface Values {
  /**
   * URL of the GitLab instance the runners talk to, for example https://gitlab.example.com. Required, except in job-cluster mode (jobCluster.enabled).
   */
  gitlabUrl?: string;
  /**
   * CA bundle for a GitLab served with a private or self-signed certificate, taken from an existing Secret. The manager passes it to every runner entry as tls-ca-file, so no file has to be named after the host.
   */
  gitlabCA?: {
    /**
     * Name of the Secret that holds the PEM CA bundle. Empty: use the image's system trust store.
     */
    secretName?: OptionalK8SName;
    /**
     * Key in that Secret that holds the PEM bundle.
     */
    key?: SecretKey;
  };
  /**
   * Maximum number of jobs one manager pod runs at once, shared by all runner entries (config.toml concurrent).
   */
  concurrent?: number;
  /**
   * Seconds between job requests to GitLab, spread over the runner entries (config.toml check_interval).
   */
  checkInterval?: number;
  /**
   * Runner log level.
   */
  logLevel?: "debug" | "info" | "warning" | "error" | "fatal" | "panic";
  /**
   * Runner log format; json suits log collectors.
   */
  logFormat?: "runner" | "text" | "json";
  /**
   * Seconds the runner waits for cleanup after a forceful stop (config.toml shutdown_timeout). A graceful drain is bounded by terminationGracePeriodSeconds instead.
   */
  shutdownTimeout?: number;
  /**
   * How long an idle connection to GitLab is kept before it is re-established, as a Go duration (config.toml connection_max_age). 0s keeps it forever.
   */
  connectionMaxAge?: Duration;
  /**
   * Port of the runner's local metrics server (listen_address). Probes use it, so it is always on; metrics.* only decides whether it is scraped. The runner serves /metrics, /health/ready, /debug/pprof and /debug/jobs/list on it; networkPolicy.restrictMetrics limits who can reach it.
   */
  metricsPort?: Port;
  /**
   * Namespace job pods run in, for every runner entry that does not set kubernetes.namespace. Empty: the release namespace. The namespace must exist; the chart creates the Role and RoleBinding in it.
   */
  jobNamespace?: OptionalK8SName;
  /**
   * Extra input to the deterministic runner system_id (s_ + 12 hex of a hash of seed, namespace, release and pod name). Set it to a cluster name when several clusters run the same release name in the same namespace with the same token, so their managers stay apart.
   */
  systemIdSeed?: string;
  /**
   * Runner entries served by every manager pod ([[runners]] in config.toml). They share concurrent. At least one, except in job-cluster mode (jobCluster.enabled), which installs no managers and takes none.
   *
   * @maxItems 50
   */
  runners?: Runner[];
  /**
   * Opt-in for executor: shell. Shell jobs run inside the manager container and can read every runner token and the manager's Kubernetes credentials; the chart refuses the shell executor unless this is true, and NOTES prints a warning when it is on.
   */
  allowShellExecutor?: boolean;
  /**
   * Container image of the runner manager.
   */
  image?: {
    /**
     * Image registry host.
     */
    registry?: string;
    /**
     * Image repository.
     */
    repository?: string;
    /**
     * Image tag. Empty: alpine-v<appVersion>, the runner version the chart is tested with.
     */
    tag?: string;
    /**
     * Image digest (sha256:...). When set it pins the image and the tag is only informative.
     */
    digest?: string;
    /**
     * Kubernetes image pull policy of the manager container.
     */
    pullPolicy?: K8SPullPolicy;
  };
  /**
   * Secrets used to pull the manager image.
   */
  imagePullSecrets?: LocalObjectReference[];
  /**
   * Replaces the chart name in object names.
   */
  nameOverride?: OptionalK8SName;
  /**
   * Replaces the release-name-chart-name prefix of object names.
   */
  fullnameOverride?: OptionalK8SName;
  /**
   * Number of manager pods. Each pod is a separate runner manager in GitLab, with a stable name (and system_id) per ordinal.
   */
  replicas?: number;
  /**
   * Resources of the manager container. Jobs run in their own pods, so the manager needs little.
   */
  resources?: Resources;
  /**
   * Pod security context of the manager pod. The default passes Pod Security restricted. For OpenShift's arbitrary UIDs set runAsUser, runAsGroup and fsGroup to null.
   */
  podSecurityContext?: PodSecurityContext;
  /**
   * Security context of the manager container: read-only root filesystem, no privilege escalation, no capabilities.
   */
  containerSecurityContext?: ContainerSecurityContext;
  /**
   * Node labels the manager pods must match.
   */
  nodeSelector?: StringMap;
  /**
   * Tolerations of the manager pods.
   */
  tolerations?: Toleration[];
  /**
   * Affinity of the manager pods (Kubernetes Affinity).
   */
  affinity?: Affinity;
  /**
   * Topology spread constraints of the manager pods. An empty labelSelector is filled with the pods' selector labels.
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * PriorityClass of the manager pods.
   */
  priorityClassName?: OptionalK8SName;
  /**
   * Extra annotations on the manager pods.
   */
  podAnnotations?: StringMap;
  /**
   * Extra labels on the manager pods.
   */
  podLabels?: StringMap;
  /**
   * Extra environment variables of the manager container. Use valueFrom for anything secret. Proxy variables belong in proxy, not here.
   */
  extraEnv?: EnvVar[];
  /**
   * HTTP(S) proxy of the manager container. The chart sets HTTP_PROXY, HTTPS_PROXY and NO_PROXY (and their lowercase forms) and always exempts the Kubernetes API server ($(KUBERNETES_SERVICE_HOST) and kubernetes.default.svc), .svc, .cluster.local, localhost and clusterCIDRs, so the runner's calls to the Kubernetes API never go to the proxy. Job pods do not inherit these; set them in runners[].environment if jobs need the proxy.
   */
  proxy?: {
    /**
     * Proxy URL for http:// requests, for example http://proxy.example.com:3128. Empty: none.
     */
    httpProxy?: string;
    /**
     * Proxy URL for https:// requests (GitLab, the cache), for example http://proxy.example.com:3128. Empty: none.
     */
    httpsProxy?: string;
    /**
     * More hosts, domains (.example.com) or CIDRs reached without the proxy, for example an internal GitLab.
     */
    noProxy?: string[];
    /**
     * Pod and Service CIDRs of the cluster, reached without the proxy.
     */
    clusterCIDRs?: Cidr[];
  };
  /**
   * Extra volumes of the manager pod.
   */
  extraVolumes?: Volume[];
  /**
   * Extra volume mounts of the manager container.
   */
  extraVolumeMounts?: VolumeMount[];
  /**
   * Extra /etc/hosts entries of the manager pod.
   */
  hostAliases?: HostAlias[];
  /**
   * Seconds a stopping manager may spend draining: running jobs finish, then it exits. Set it above your longest job.
   */
  terminationGracePeriodSeconds?: number;
  /**
   * How helm uninstall drains the managers before it deletes their RBAC, ServiceAccount and Secrets. A pre-delete hook Job scales the StatefulSet to 0 and waits until every manager pod is gone (running jobs finish and the runner deletes their pods), for at most terminationGracePeriodSeconds plus 30 s; helm then deletes the rest. Give helm uninstall a --timeout longer than that (NOTES prints the command): with helm's default of 5 minutes a long drain makes the hook time out and helm uninstall fail without deleting anything, and running it again with a longer --timeout finishes the job.
   */
  uninstall?: {
    /**
     * Render the pre-delete hook Job and its own ServiceAccount, Role and RoleBinding (needs rbac.create). Off: scale the StatefulSet to 0 and wait for its pods yourself before helm uninstall, or running jobs lose their API access and their pods are orphaned.
     */
    enabled?: boolean;
    /**
     * Image with kubectl (the hook runs kubectl scale and kubectl wait, no shell). The default is the Kubernetes project's own kubectl image from registry.k8s.io, pinned by tag; any kubectl 1.27 or later works.
     */
    image?: string;
  };
  /**
   * A CronJob that deletes job pods whose manager is gone (a manager killed hard: node loss, OOM, SIGKILL past the grace period), with the Secrets and ConfigMaps the runner made for them. A job pod is an orphan when it carries this release's job-pod labels (the chart adds them to every in-cluster kubernetes entry's pod_labels while this is on), is older than jobTimeoutSeconds + graceSeconds, and the manager pod named in its gitlab-runner-fleet/manager label (written by that manager's entrypoint) no longer exists, or its gitlab-runner container is not running or started after the job pod was created (a restarted manager keeps its identity but never adopts old job pods). Each job pod is judged by its own manager, whatever the other replicas do; one without the manager label is kept. Job pods created before this was turned on carry no such labels and are never touched.
   */
  orphanCleanup?: {
    /**
     * Render the CronJob, its ServiceAccount, Roles and RoleBindings, and label job pods for it (needs rbac.create). Off by default: it deletes pods, turning it on changes config.toml (the managers roll once), and jobTimeoutSeconds must first be set to match the job timeouts configured in GitLab.
     */
    enabled?: boolean;
    /**
     * Only log what would be deleted.
     */
    dryRun?: boolean;
    /**
     * When the CronJob runs, in cron syntax.
     */
    schedule?: string;
    /**
     * The longest timeout a job of this release's runners can have (the runner's maximum timeout or the project timeout set in GitLab; GitLab's default is 3600). An entry's registration.maximumTimeout raises it when larger.
     */
    jobTimeoutSeconds?: number;
    /**
     * Added to jobTimeoutSeconds for the runner's own cleanup after a timeout and for clock skew between nodes and the API server.
     */
    graceSeconds?: number;
    /**
     * Image with kubectl and a POSIX shell with date. The default is the Kubernetes project's own kubectl image (Debian based with bash, coreutils and jq since Kubernetes 1.28), pinned by tag.
     */
    image?: string;
  };
  /**
   * How the manager starts and stops.
   */
  lifecycle?: {
    /**
     * Check every authentication token with GitLab at start (gitlab-runner verify), so a revoked or mistyped token gives one clear log line instead of a silent idle runner.
     */
    verifyToken?: boolean;
    /**
     * How often verify or legacy registration is tried at start before the container exits (exponential backoff, 5 s doubling up to 5 min). The startup probe's budget follows it (see probes.startup).
     */
    startAttempts?: number;
    /**
     * After the drain, delete this pod's runner manager (authentication tokens) from GitLab. Off by default: the system_id is stable, so a restarted pod is the same manager and nothing piles up. Turn it on when replicas are scaled down for good.
     */
    unregisterManagerOnStop?: boolean;
  };
  /**
   * Probes of the manager container. They ask the runner's local HTTP server only (/metrics, /health/ready), so a GitLab outage never restarts runners.
   */
  probes?: {
    /**
     * Startup probe on the local metrics server, which the runner opens only after the entrypoint verified or registered every runner entry. Leave failureThreshold unset: the chart derives it from lifecycle.startAttempts (the entrypoint's backoff, 5 s doubling up to 5 min, plus 30 s per attempt for the runner's connect timeout, for each runner entry, one after another) so Kubernetes never kills a pod that is still retrying. A failureThreshold set by hand must cover that budget, or the chart refuses it.
     */
    startup?: Probe;
    /**
     * Liveness probe on the local metrics server (/metrics), independent of GitLab.
     */
    liveness?: Probe;
    /**
     * Readiness probe on the runner's /health/ready endpoint (ready once the runner's boot checks passed), never on GitLab.
     */
    readiness?: Probe;
  };
  /**
   * A PersistentVolumeClaim per manager pod for the runner's config directory. It keeps the runner token registered with a legacy registration token, so no duplicate runner is registered, and tokens the runner rotated before they expire. Without it both survive container restarts but not the deletion of the pod: a legacy runner is then unregistered at stop, and a rotated authentication token is lost (put the current token in the Secret).
   */
  persistence?: {
    /**
     * Create a volumeClaimTemplate; otherwise the config directory is an emptyDir.
     */
    enabled?: boolean;
    /**
     * Requested size.
     */
    size?: Quantity;
    /**
     * StorageClass; empty uses the cluster default.
     */
    storageClassName?: string;
    /**
     * Access modes of the claim.
     *
     * @minItems 1
     */
    accessModes?: [
      "ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany",
      ...("ReadWriteOnce" | "ReadWriteOncePod" | "ReadWriteMany")[]
    ];
  };
  /**
   * ServiceAccount of the manager pods; the RBAC below is bound to it.
   */
  serviceAccount?: {
    /**
     * Create the ServiceAccount.
     */
    create?: boolean;
    /**
     * Name of the ServiceAccount; empty: the release's full name.
     */
    name?: OptionalK8SName;
    /**
     * Annotations, for example eks.amazonaws.com/role-arn for IRSA or iam.gke.io/gcp-service-account for workload identity (S3/GCS cache without keys).
     */
    annotations?: StringMap;
  };
  /**
   * Role and RoleBinding that let the manager create job pods, in every namespace job pods run in.
   */
  rbac?: {
    /**
     * Create the Role and RoleBinding.
     */
    create?: boolean;
    /**
     * Rules added to the Role, for example for a job that needs more. Wildcards are rejected.
     */
    extraRules?: PolicyRule[];
  };
  /**
   * Job-cluster mode: this install runs no managers and prepares this cluster for a manager that runs elsewhere (a VM, another cluster) with the kubernetes executor. It creates a ServiceAccount (serviceAccount.*), the same job Role and RoleBinding as a normal install in each of its namespaces, and a token for it; NOTES print how to read the API server address, CA and token, and the matching runners[].kubernetes.externalCluster values. gitlabUrl and runners are then not used and runners must be empty.
   */
  jobCluster?: {
    /**
     * Install only what a remote manager needs in this cluster: no StatefulSet, ConfigMap, manager Secret, Services, PodDisruptionBudget, NetworkPolicies, monitors, uninstall hook or helm test pod.
     */
    enabled?: boolean;
    /**
     * Namespaces the remote manager runs job pods in (its runners[].kubernetes.namespace); the Role and RoleBinding go into each. At least one when enabled; each must exist. jobNamespace and runners[].kubernetes.namespace are not used in this mode.
     */
    namespaces?: K8SName[];
    /**
     * Create a kubernetes.io/service-account-token Secret for the ServiceAccount: a token that never expires, filled in by the cluster, which the remote manager reads once. Off: no long-lived token is stored; request short-lived ones with kubectl create token (the TokenRequest API) and rotate them on the manager side before they expire.
     */
    createTokenSecret?: boolean;
  };
  /**
   * Prometheus scraping of the runner metrics.
   */
  metrics?: {
    /**
     * Create a metrics Service.
     */
    enabled?: boolean;
    /**
     * A PodMonitor (Prometheus Operator).
     */
    podMonitor?: Monitor;
    /**
     * A ServiceMonitor (Prometheus Operator); needs metrics.enabled.
     */
    serviceMonitor?: Monitor;
  };
  /**
   * PodDisruptionBudget of the manager pods, so node drains take managers one at a time.
   */
  podDisruptionBudget?: {
    /**
     * Create the PodDisruptionBudget.
     */
    enabled?: boolean;
    /**
     * Managers that may be disrupted at once.
     */
    maxUnavailable?: number;
  };
  /**
   * NetworkPolicies of the manager pods. restrictMetrics (on by default) admits ingress to the metrics port only from metricsFrom and the helm test pod; enabled adds an egress policy: only DNS, GitLab, the proxy and the Kubernetes API.
   */
  networkPolicy?: {
    /**
     * Create the egress NetworkPolicy (DNS, GitLab, the proxy, the Kubernetes API only).
     */
    enabled?: boolean;
    /**
     * Create an ingress NetworkPolicy for the metrics port, which also serves /debug/pprof (profiles, command line) and /debug/jobs/list (job URLs): only metricsFrom and the helm test pod get in, nothing else reaches the manager pods. Turn off only where another policy does this.
     */
    restrictMetrics?: boolean;
    /**
     * CIDRs GitLab is reachable at (and the cache storage, if any). Empty: any address.
     */
    gitlabCIDRs?: Cidr[];
    /**
     * Ports of GitLab.
     *
     * @minItems 1
     */
    gitlabPorts?: [Port, ...Port[]];
    /**
     * CIDRs of the Kubernetes API server. Empty: any address.
     */
    apiServerCIDRs?: Cidr[];
    /**
     * Ports of the Kubernetes API server.
     *
     * @minItems 1
     */
    apiServerPorts?: [Port, ...Port[]];
    /**
     * CIDRs of the HTTP(S) proxy (proxy.httpProxy, proxy.httpsProxy); the egress policy allows them on the proxies' ports. Required when both the egress policy and a proxy are on.
     */
    proxyCIDRs?: Cidr[];
    /**
     * Who may scrape metrics (NetworkPolicyPeer objects), for example your Prometheus namespace. Empty: nobody but the helm test pod. Required with a PodMonitor or ServiceMonitor while restrictMetrics is on.
     */
    metricsFrom?: NetworkPolicyPeer[];
  };
  /**
   * The helm test pod.
   */
  tests?: {
    /**
     * Render the helm test pod, which checks each manager's metrics endpoint.
     */
    enabled?: boolean;
    /**
     * Image of the test pod (needs wget).
     */
    image?: string;
  };
  /**
   * Values helm shares with every chart of an umbrella release (helm adds this key when the chart is a dependency of another). This chart reads none of them; allowed so that it can be a dependency.
   */
  global?: {
    [k: string]: unknown | undefined;
  };
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "stringMap".
 */
export interface StringMap {
  [k: string]: string | undefined;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "localObjectReference".
 */
export interface LocalObjectReference {
  /**
   * Name of the Secret.
   */
  name: K8SName;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "secretKeyRef".
 */
export interface SecretKeyRef {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: K8SName;
  /**
   * Key in that Secret.
   */
  key?: SecretKey;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "resourceList".
 */
export interface ResourceList {
  /**
   * CPU quantity.
   */
  cpu?: Quantity;
  /**
   * Memory quantity.
   */
  memory?: Quantity;
  /**
   * Ephemeral storage quantity.
   */
  "ephemeral-storage"?: Quantity;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "resources".
 */
export interface Resources {
  /**
   * Requested resources.
   */
  requests?: ResourceList;
  /**
   * Resource limits.
   */
  limits?: ResourceList;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "seccompProfile".
 */
export interface SeccompProfile {
  /**
   * Seccomp profile type.
   */
  type: "RuntimeDefault" | "Localhost" | "Unconfined";
  /**
   * Profile file for type Localhost.
   */
  localhostProfile?: string;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "capabilities".
 */
export interface Capabilities {
  /**
   * Capabilities to add.
   */
  add?: string[];
  /**
   * Capabilities to drop.
   */
  drop?: string[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "podSecurityContext".
 */
export interface PodSecurityContext {
  /**
   * Refuse to start containers as root.
   */
  runAsNonRoot?: boolean;
  /**
   * UID of the containers.
   */
  runAsUser?: number;
  /**
   * GID of the containers.
   */
  runAsGroup?: number;
  /**
   * Group owning mounted volumes.
   */
  fsGroup?: number;
  /**
   * When to change volume ownership.
   */
  fsGroupChangePolicy?: "OnRootMismatch" | "Always";
  /**
   * Extra groups.
   */
  supplementalGroups?: number[];
  /**
   * Seccomp profile.
   */
  seccompProfile?: SeccompProfile;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "containerSecurityContext".
 */
export interface ContainerSecurityContext {
  /**
   * Allow setuid binaries to gain privileges.
   */
  allowPrivilegeEscalation?: boolean;
  /**
   * Mount the root filesystem read-only.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Refuse to start as root.
   */
  runAsNonRoot?: boolean;
  /**
   * UID.
   */
  runAsUser?: number;
  /**
   * GID.
   */
  runAsGroup?: number;
  /**
   * Capabilities to add and drop.
   */
  capabilities?: Capabilities;
  /**
   * Seccomp profile.
   */
  seccompProfile?: SeccompProfile;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "toleration".
 */
export interface Toleration {
  /**
   * Taint key; empty with operator Exists tolerates everything.
   */
  key?: string;
  /**
   * Equal or Exists.
   */
  operator?: "Equal" | "Exists";
  /**
   * Taint value for operator Equal.
   */
  value?: string;
  /**
   * Taint effect; empty matches all effects.
   */
  effect?: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute";
  /**
   * How long a NoExecute taint is tolerated.
   */
  tolerationSeconds?: number;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "affinity".
 */
export interface Affinity {
  /**
   * Kubernetes NodeAffinity.
   */
  nodeAffinity?: {
    /**
     * Kubernetes NodeSelector: the pod goes only to nodes matching one of the terms.
     */
    requiredDuringSchedulingIgnoredDuringExecution?: {
      /**
       * Node selector terms, any one of which must match.
       *
       * @minItems 1
       */
      nodeSelectorTerms: [NodeSelectorTerm, ...NodeSelectorTerm[]];
    };
    /**
     * Kubernetes PreferredSchedulingTerm list: nodes the scheduler prefers, by weight.
     */
    preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
  };
  /**
   * Kubernetes PodAffinity.
   */
  podAffinity?: PodAffinity;
  /**
   * Kubernetes PodAntiAffinity.
   */
  podAntiAffinity?: PodAffinity;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "podAffinity".
 */
export interface PodAffinity {
  /**
   * Kubernetes PodAffinityTerm list, all of which must hold.
   */
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  /**
   * Kubernetes WeightedPodAffinityTerm list the scheduler prefers, by weight.
   */
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "topologySpreadConstraint".
 */
export interface TopologySpreadConstraint {
  /**
   * Allowed imbalance.
   */
  maxSkew: number;
  /**
   * Node label that defines a domain.
   */
  topologyKey: string;
  /**
   * DoNotSchedule or ScheduleAnyway.
   */
  whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway";
  /**
   * Kubernetes LabelSelector; empty: the manager pods' selector labels.
   */
  labelSelector?: {};
  /**
   * Minimum number of eligible domains.
   */
  minDomains?: number;
  /**
   * Pod label keys to select pods by.
   */
  matchLabelKeys?: string[];
  /**
   * Honor or Ignore.
   */
  nodeAffinityPolicy?: "Honor" | "Ignore";
  /**
   * Honor or Ignore.
   */
  nodeTaintsPolicy?: "Honor" | "Ignore";
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "envVar".
 */
export interface EnvVar {
  /**
   * Variable name.
   */
  name: string;
  /**
   * Literal value; never put a secret here.
   */
  value?: string;
  /**
   * Kubernetes EnvVarSource (secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef).
   */
  valueFrom?: {
    /**
     * Key of a Secret.
     */
    secretKeyRef?: {};
    /**
     * Key of a ConfigMap.
     */
    configMapKeyRef?: {};
    /**
     * Pod field.
     */
    fieldRef?: {};
    /**
     * Container resource.
     */
    resourceFieldRef?: {};
  };
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "volume".
 */
export interface Volume {
  /**
   * Volume name.
   */
  name: K8SName;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "volumeMount".
 */
export interface VolumeMount {
  /**
   * Volume name.
   */
  name: K8SName;
  /**
   * Path in the container.
   */
  mountPath: string;
  /**
   * Sub-path of the volume.
   */
  subPath?: string;
  /**
   * Mount read-only.
   */
  readOnly?: boolean;
  /**
   * Mount propagation.
   */
  mountPropagation?: "None" | "HostToContainer" | "Bidirectional";
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "hostAlias".
 */
export interface HostAlias {
  /**
   * IP address.
   */
  ip: string;
  /**
   * Host names for that address.
   *
   * @minItems 1
   */
  hostnames: [string, ...string[]];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "policyRule".
 */
export interface PolicyRule {
  /**
   * API groups; "" is the core group.
   *
   * @minItems 1
   */
  apiGroups: [string, ...string[]];
  /**
   * Resources, with sub-resources as pods/log.
   *
   * @minItems 1
   */
  resources: [string, ...string[]];
  /**
   * Verbs.
   *
   * @minItems 1
   */
  verbs: [
    "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection",
    ...("get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection")[]
  ];
  /**
   * Limit the rule to these names.
   */
  resourceNames?: string[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "monitor".
 */
export interface Monitor {
  /**
   * Create the object.
   */
  enabled?: boolean;
  /**
   * Scrape interval.
   */
  interval?: Duration;
  /**
   * Scrape timeout.
   */
  scrapeTimeout?: Duration;
  /**
   * Extra labels, e.g. the release label your Prometheus selects.
   */
  labels?: StringMap;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "networkPolicyPeer".
 */
export interface NetworkPolicyPeer {
  /**
   * Kubernetes LabelSelector of pods.
   */
  podSelector?: {};
  /**
   * Kubernetes LabelSelector of namespaces.
   */
  namespaceSelector?: {};
  /**
   * CIDR block.
   */
  ipBlock?: {
    /**
     * CIDR.
     */
    cidr: Cidr;
    /**
     * Excluded CIDRs.
     */
    except?: Cidr[];
  };
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "probe".
 */
export interface Probe {
  /**
   * Use the probe.
   */
  enabled?: boolean;
  /**
   * Seconds between checks.
   */
  periodSeconds?: number;
  /**
   * Seconds before a check fails.
   */
  timeoutSeconds?: number;
  /**
   * Failed checks in a row before acting.
   */
  failureThreshold?: number;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobResources".
 */
export interface JobResources {
  /**
   * CPU request.
   */
  cpuRequest?: OptionalQuantity;
  /**
   * CPU limit.
   */
  cpuLimit?: OptionalQuantity;
  /**
   * Memory request.
   */
  memoryRequest?: OptionalQuantity;
  /**
   * Memory limit.
   */
  memoryLimit?: OptionalQuantity;
  /**
   * Ephemeral storage request.
   */
  ephemeralStorageRequest?: OptionalQuantity;
  /**
   * Ephemeral storage limit.
   */
  ephemeralStorageLimit?: OptionalQuantity;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobContainerSecurityContext".
 */
export interface JobContainerSecurityContext {
  /**
   * Refuse to start as root.
   */
  runAsNonRoot?: boolean;
  /**
   * UID.
   */
  runAsUser?: number;
  /**
   * GID.
   */
  runAsGroup?: number;
  /**
   * Read-only root filesystem.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities to add and drop.
   */
  capabilities?: Capabilities;
  /**
   * Seccomp profile.
   */
  seccompProfile?: SeccompProfile;
  /**
   * SELinux type label of the container process (the runner sets seLinuxOptions.type from it).
   */
  selinuxType?: string;
  /**
   * Proc mount type: Default, or Unmasked for containers that build OCI images without privileges.
   */
  procMount?: "Default" | "Unmasked";
  /**
   * AppArmor profile of the container (Kubernetes 1.30 or later).
   */
  appArmorProfile?: AppArmorProfile;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "cacheCredentials".
 */
export interface CacheCredentials {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: K8SName;
  /**
   * Key holding the S3 access key id.
   */
  accessKeyKey?: SecretKey;
  /**
   * Key holding the S3 secret access key.
   */
  secretKeyKey?: SecretKey;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "runner".
 */
export interface Runner {
  /**
   * Runner entry name: unique in the release, shown in GitLab as the runner description for legacy registration, used in object and file names.
   */
  name: string;
  /**
   * Where the runner token comes from: exactly one of value (the chart creates a Secret) or existingSecret.
   */
  token: {
    /**
     * authentication: a glrt- token of a runner created in GitLab (UI or API); nothing is registered. registration: a deprecated registration token; the manager registers a runner at first start.
     */
    kind?: "authentication" | "registration";
    /**
     * The token itself. It is stored only in a Secret created by the chart. Prefer existingSecret for production.
     */
    value?: string;
    /**
     * An existing Secret holding the token (one key; either kind of token alone).
     */
    existingSecret?: SecretKeyRef;
  };
  /**
   * Settings sent when registering with a legacy registration token. With authentication (glrt-) tokens these live on the GitLab server, and the runner refuses them, so the chart rejects this block.
   */
  registration?: {
    /**
     * Tags of the registered runner.
     */
    tags?: string[];
    /**
     * Also pick untagged jobs (forced on when there are no tags).
     */
    runUntagged?: boolean;
    /**
     * Lock the runner to its project.
     */
    locked?: boolean;
    /**
     * not_protected or ref_protected (only protected branches).
     */
    accessLevel?: "not_protected" | "ref_protected";
    /**
     * Maximum job timeout in seconds; 0: none.
     */
    maximumTimeout?: number;
    /**
     * Register the runner paused.
     */
    paused?: boolean;
    /**
     * Free-form maintenance note.
     */
    maintenanceNote?: string;
  };
  /**
   * Executor. kubernetes runs every job in its own pod. shell runs jobs inside the manager container, as the manager's user, with read access to config.toml (every runner token in clear) and the manager's ServiceAccount token: it is refused unless allowShellExecutor is true, and is meant for tests and demos, never for untrusted code.
   */
  executor?: "kubernetes" | "shell";
  /**
   * Maximum jobs this entry runs at once; 0: only concurrent limits it.
   */
  limit?: number;
  /**
   * Job requests this entry keeps in flight at once.
   */
  requestConcurrency?: number;
  /**
   * Maximum job log size in KiB.
   */
  outputLimit?: number;
  /**
   * Failed job requests (403) in a row before the entry is paused for unhealthyInterval.
   */
  unhealthyRequestsLimit?: number;
  /**
   * How long an unhealthy entry is paused, as a Go duration.
   */
  unhealthyInterval?: Duration;
  /**
   * Variables added to every job of this entry (name to value). Not for secrets: use GitLab CI/CD variables.
   */
  environment?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Za-z_][A-Za-z0-9_]*$".
     */
    [k: string]: string | undefined;
  };
  /**
   * Runner feature flags (FF_...) to turn on or off for this entry.
   */
  featureFlags?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^FF_[A-Z0-9_]+$".
     */
    [k: string]: boolean | undefined;
  };
  /**
   * How the kubernetes executor builds job pods.
   */
  kubernetes?: {
    /**
     * Namespace of this entry's job pods; empty: jobNamespace, then the release namespace.
     */
    namespace?: OptionalK8SName;
    /**
     * Default job image when .gitlab-ci.yml names none.
     */
    image?: string;
    /**
     * Run job containers privileged (docker-in-docker). An explicit opt-in; needs allowPrivilegeEscalation true.
     */
    privileged?: boolean;
    /**
     * Let job processes gain privileges (setuid, sudo).
     */
    allowPrivilegeEscalation?: boolean;
    /**
     * Pull policies tried in order for job images.
     *
     * @minItems 1
     */
    pullPolicy?: ["always" | "if-not-present" | "never", ...("always" | "if-not-present" | "never")[]];
    /**
     * Pull policies a job may ask for; empty: only pullPolicy.
     */
    allowedPullPolicies?: ("always" | "if-not-present" | "never")[];
    /**
     * Glob patterns of images jobs may use; empty: any.
     */
    allowedImages?: string[];
    /**
     * Glob patterns of service images jobs may use; empty: any.
     */
    allowedServices?: string[];
    /**
     * Resources of the build container.
     */
    build?: JobResources;
    /**
     * Resources of the helper container.
     */
    helper?: JobResources;
    /**
     * Resources of each service container.
     */
    service?: JobResources;
    /**
     * What a job may override through KUBERNETES_* variables. Regexes for names, maximum quantities for resources; empty: nothing.
     */
    overwriteAllowed?: {
      /**
       * Regex of namespaces a job may pick.
       */
      namespace?: Regex;
      /**
       * Regex of service accounts a job may pick.
       */
      serviceAccount?: Regex;
      /**
       * Regex of pod labels a job may set.
       */
      podLabels?: Regex;
      /**
       * Regex of pod annotations a job may set.
       */
      podAnnotations?: Regex;
      /**
       * Regex of node selectors a job may set.
       */
      nodeSelector?: Regex;
      /**
       * Regex of tolerations a job may set.
       */
      nodeTolerations?: Regex;
      /**
       * Highest CPU limit a job may ask for.
       */
      cpuLimitMax?: OptionalQuantity;
      /**
       * Highest CPU request a job may ask for.
       */
      cpuRequestMax?: OptionalQuantity;
      /**
       * Highest memory limit a job may ask for.
       */
      memoryLimitMax?: OptionalQuantity;
      /**
       * Highest memory request a job may ask for.
       */
      memoryRequestMax?: OptionalQuantity;
      /**
       * Highest ephemeral storage limit a job may ask for.
       */
      ephemeralStorageLimitMax?: OptionalQuantity;
      /**
       * Highest ephemeral storage request a job may ask for.
       */
      ephemeralStorageRequestMax?: OptionalQuantity;
    };
    /**
     * Seconds between checks of a starting job pod.
     */
    pollInterval?: number;
    /**
     * Seconds a job pod may stay Pending (image pulls, node autoscaling) before the job fails.
     */
    pollTimeout?: number;
    /**
     * ServiceAccount of job pods; empty: the namespace's default.
     */
    serviceAccount?: OptionalK8SName;
    /**
     * Mount the service account token into job pods.
     */
    automountServiceAccountToken?: boolean;
    /**
     * Node labels job pods must match.
     */
    nodeSelector?: StringMap;
    /**
     * Tolerations of job pods (tolerationSeconds is not supported by the runner).
     */
    nodeTolerations?: {
      /**
       * Taint key.
       */
      key: string;
      /**
       * Equal or Exists.
       */
      operator?: "Equal" | "Exists";
      /**
       * Taint value for Equal.
       */
      value?: string;
      /**
       * Taint effect; empty matches all.
       */
      effect?: "" | "NoSchedule" | "PreferNoSchedule" | "NoExecute";
    }[];
    /**
     * Affinity of job pods (Kubernetes Affinity, camelCase as in a pod spec).
     */
    affinity?: Affinity;
    /**
     * Labels on job pods.
     */
    podLabels?: StringMap;
    /**
     * Annotations on job pods.
     */
    podAnnotations?: StringMap;
    /**
     * Secrets (in the job namespace) used to pull job images.
     */
    imagePullSecrets?: K8SName[];
    /**
     * Helper image; empty: the runner's default for its version.
     */
    helperImage?: string;
    /**
     * Pod security context of job pods, in the runner's own form (no fsGroupChangePolicy or seLinuxOptions; selinuxType instead).
     */
    podSecurityContext?: JobPodSecurityContext;
    /**
     * Security context of the build container (privileged and allowPrivilegeEscalation come from the keys above).
     */
    buildContainerSecurityContext?: JobContainerSecurityContext;
    /**
     * Security context of the helper container.
     */
    helperContainerSecurityContext?: JobContainerSecurityContext;
    /**
     * Security context of service containers.
     */
    serviceContainerSecurityContext?: JobContainerSecurityContext;
    /**
     * DNS policy of job pods; empty: the Kubernetes default (cluster-first). none needs dnsConfig with at least one nameserver, because Kubernetes refuses such a pod otherwise.
     */
    dnsPolicy?: "" | "none" | "default" | "cluster-first" | "cluster-first-with-host-net";
    /**
     * DNS settings of job pods (Kubernetes PodDNSConfig), merged with what dnsPolicy generates; required with dnsPolicy none.
     */
    dnsConfig?: JobDnsConfig;
    /**
     * Grace period of job pods when they are deleted.
     */
    terminationGracePeriodSeconds?: number;
    /**
     * Volumes mounted into job containers.
     */
    volumes?: {
      /**
       * Host directories (not allowed by Pod Security baseline; use with care).
       */
      hostPath?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        /**
         * Path on the node.
         */
        hostPath: string;
      }[];
      /**
       * PersistentVolumeClaims; name is the claim's name.
       */
      pvc?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
      }[];
      /**
       * ConfigMaps; name is the ConfigMap's name.
       */
      configMap?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        /**
         * Key to file path.
         */
        items?: StringMap;
      }[];
      /**
       * Secrets; name is the Secret's name.
       */
      secret?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        /**
         * Key to file path.
         */
        items?: StringMap;
      }[];
      /**
       * Scratch directories.
       */
      emptyDir?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        /**
         * Empty or Memory (tmpfs).
         */
        medium?: "" | "Memory";
        /**
         * Size limit.
         */
        sizeLimit?: Quantity;
      }[];
      /**
       * CSI volumes.
       */
      csi?: {
        name: JobVolumeName;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        /**
         * CSI driver name.
         */
        driver: string;
        /**
         * Filesystem type.
         */
        fsType?: string;
        /**
         * Driver attributes.
         */
        volumeAttributes?: StringMap;
      }[];
    };
    /**
     * Run this entry's jobs in another cluster: its API server URL, with the CA and a bearer token from an existing Secret. Empty host: the manager's own cluster through its ServiceAccount.
     */
    externalCluster?: {
      /**
       * API server URL of the other cluster, e.g. https://10.0.0.1:6443.
       */
      host?: string;
      /**
       * Secret (release namespace) with the cluster CA and a bearer token.
       */
      secretName?: OptionalK8SName;
      /**
       * Key of the PEM CA bundle in that Secret.
       */
      caKey?: SecretKey;
      /**
       * Key of the bearer token in that Secret.
       */
      tokenKey?: SecretKey;
    };
  };
  /**
   * Distributed cache of this entry.
   */
  cache?: {
    /**
     * Cache backend; empty: no distributed cache.
     */
    type?: "" | "s3" | "gcs" | "azure";
    /**
     * Prefix of cache object names.
     */
    path?: string;
    /**
     * Share the cache between runners.
     */
    shared?: boolean;
    /**
     * Largest cache archive uploaded, in bytes; 0: no limit.
     */
    maxUploadedArchiveSize?: number;
    /**
     * S3 or S3-compatible storage. Credentials from a Secret, or IAM (IRSA) with authenticationType iam.
     */
    s3?: {
      /**
       * Host[:port] of the S3 endpoint, e.g. s3.amazonaws.com.
       */
      serverAddress?: string;
      /**
       * Bucket.
       */
      bucketName?: string;
      /**
       * Region.
       */
      bucketLocation?: string;
      /**
       * Use plain HTTP.
       */
      insecure?: boolean;
      /**
       * access-key (credentialsSecret) or iam (instance profile, IRSA).
       */
      authenticationType?: "access-key" | "iam";
      /**
       * Secret with the access key id and secret key.
       */
      credentialsSecret?: CacheCredentials;
      /**
       * Server-side encryption.
       */
      serverSideEncryption?: "" | "S3" | "KMS" | "DSSE-KMS";
      /**
       * KMS key id.
       */
      serverSideEncryptionKeyId?: string;
      /**
       * Role to assume for uploads.
       */
      roleArn?: string;
      /**
       * Path-style bucket URLs (endpoint/bucket) instead of virtual-host ones (bucket.endpoint). Unset or null: the runner decides, choosing path style for endpoints that are not AWS or Google (MinIO, Ceph). Set false only to force virtual-host URLs.
       */
      pathStyle?: boolean | null;
      /**
       * Dual-stack (IPv4 and IPv6) S3 endpoints. Unset or null: the runner's default (on).
       */
      dualStack?: boolean | null;
    };
    /**
     * Google Cloud Storage. Credentials from a Secret holding a service-account JSON key, or workload identity.
     */
    gcs?: {
      /**
       * Bucket.
       */
      bucketName?: string;
      /**
       * Secret holding the service-account JSON key; omit for workload identity.
       */
      credentialsSecret?: SecretKeyRef;
    };
    /**
     * Azure Blob Storage.
     */
    azure?: {
      /**
       * Storage account.
       */
      accountName?: string;
      /**
       * Blob container.
       */
      containerName?: string;
      /**
       * Storage domain.
       */
      storageDomain?: string;
      /**
       * Secret holding the account key.
       */
      credentialsSecret?: SecretKeyRef;
    };
  };
  /**
   * Raw TOML merged over this entry's generated [[runners]] keys, for settings the chart does not model, e.g. '[kubernetes]\nhelper_image_flavor = "ubuntu"'. Keys are relative to the entry; url, token and name cannot be set here. Each key and value is checked against the pinned runner's own config structs (files/runner-config-model.json), so a key the runner does not have or a value of the wrong type fails the render instead of being ignored.
   */
  configTemplate?: string;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "nodeSelectorRequirement".
 */
export interface NodeSelectorRequirement {
  /**
   * Node label (matchExpressions) or node field (matchFields, only metadata.name) to match.
   */
  key: string;
  /**
   * How the key is compared: In, NotIn, Exists, DoesNotExist, Gt or Lt (Gt and Lt take one integer written as a string).
   */
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  /**
   * Values to compare with, always strings (quote numbers: "4"). Empty for Exists and DoesNotExist.
   */
  values?: string[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "labelSelectorRequirement".
 */
export interface LabelSelectorRequirement {
  /**
   * Label key to match.
   */
  key: string;
  /**
   * How the label is compared: In, NotIn, Exists or DoesNotExist.
   */
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  /**
   * Values to compare with, always strings (quote numbers: "4"). Empty for Exists and DoesNotExist.
   */
  values?: string[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "nodeSelectorTerm".
 */
export interface NodeSelectorTerm {
  /**
   * Requirements on node labels, all of which must hold.
   */
  matchExpressions?: NodeSelectorRequirement[];
  /**
   * Requirements on node fields, all of which must hold.
   */
  matchFields?: NodeSelectorRequirement[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "labelSelector".
 */
export interface LabelSelector {
  /**
   * Labels that must all be present with these values.
   */
  matchLabels?: StringMap;
  /**
   * Requirements on labels, all of which must hold.
   */
  matchExpressions?: LabelSelectorRequirement[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "preferredSchedulingTerm".
 */
export interface PreferredSchedulingTerm {
  /**
   * Weight of this preference, an integer from 1 to 100.
   */
  weight: number;
  /**
   * The node selector term to prefer.
   */
  preference: NodeSelectorTerm;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "podAffinityTerm".
 */
export interface PodAffinityTerm {
  /**
   * Pods to be near (or away from).
   */
  labelSelector?: LabelSelector;
  /**
   * Namespaces the labelSelector applies to; empty: the pod's own namespace.
   */
  namespaces?: string[];
  /**
   * Node label whose value defines "the same place", for example kubernetes.io/hostname.
   */
  topologyKey: string;
  /**
   * Namespaces, by label, the labelSelector applies to.
   */
  namespaceSelector?: LabelSelector;
  /**
   * Label keys whose values are taken from the incoming pod and added to labelSelector as In requirements.
   */
  matchLabelKeys?: string[];
  /**
   * Label keys whose values are taken from the incoming pod and added to labelSelector as NotIn requirements.
   */
  mismatchLabelKeys?: string[];
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "weightedPodAffinityTerm".
 */
export interface WeightedPodAffinityTerm {
  /**
   * Weight of this preference, an integer from 1 to 100.
   */
  weight: number;
  /**
   * The pod affinity term to prefer.
   */
  podAffinityTerm: PodAffinityTerm;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "appArmorProfile".
 */
export interface AppArmorProfile {
  /**
   * AppArmor profile type.
   */
  type: "RuntimeDefault" | "Localhost" | "Unconfined";
  /**
   * Name of a profile loaded on the node, for type Localhost.
   */
  localhostProfile?: string;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobPodSecurityContext".
 */
export interface JobPodSecurityContext {
  /**
   * Refuse to start containers as root.
   */
  runAsNonRoot?: boolean;
  /**
   * UID of the containers.
   */
  runAsUser?: number;
  /**
   * GID of the containers.
   */
  runAsGroup?: number;
  /**
   * Group owning mounted volumes.
   */
  fsGroup?: number;
  /**
   * Extra groups of the first process in each container.
   */
  supplementalGroups?: number[];
  /**
   * SELinux type label of all containers (the runner sets seLinuxOptions.type from it; other seLinuxOptions fields are not supported).
   */
  selinuxType?: string;
  /**
   * Seccomp profile of all containers.
   */
  seccompProfile?: SeccompProfile;
  /**
   * AppArmor profile of all containers (Kubernetes 1.30 or later).
   */
  appArmorProfile?: AppArmorProfile;
}
/**
 * This interface was referenced by `Values`'s JSON-Schema
 * via the `definition` "jobDnsConfig".
 */
export interface JobDnsConfig {
  /**
   * DNS server IP addresses (at most 3).
   *
   * @maxItems 3
   */
  nameservers?: [] | [string] | [string, string] | [string, string, string];
  /**
   * DNS search domains (at most 32).
   *
   * @maxItems 32
   */
  searches?: string[];
  /**
   * Resolver options, for example name ndots with value "2".
   */
  options?: {
    /**
     * Option name.
     */
    name: string;
    /**
     * Option value, a string.
     */
    value?: string;
  }[];
}
