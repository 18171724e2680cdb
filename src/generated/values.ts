/* GENERATED from values.schema.json by `npm run generate`: edit the schema, not this file. */

export type K8SName = string;
/**
 * Path in the job containers.
 */
export type JobMountPath = string;
/**
 * Sub-path of the volume.
 */
export type JobSubPath = string;
/**
 * Mount read-only.
 */
export type JobReadOnly = boolean;
export type Cidr = string;
export type Port = number;

/**
 * Values of the gitlab-runner-fleet chart: a StatefulSet of GitLab Runner managers, one or more runner entries each.
 */
export interface Values {
  /**
   * URL of the GitLab instance the runners talk to, for example https://gitlab.example.com. Required.
   */
  gitlabUrl: string;
  /**
   * CA bundle for a GitLab served with a private or self-signed certificate, taken from an existing Secret. The manager passes it to every runner entry as tls-ca-file, so no file has to be named after the host.
   */
  gitlabCA?: {
    /**
     * Name of the Secret that holds the PEM CA bundle. Empty: use the image's system trust store.
     */
    secretName?: string;
    /**
     * Key in that Secret that holds the PEM bundle.
     */
    key?: string;
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
  connectionMaxAge?: string;
  /**
   * Port of the runner's local metrics server (listen_address). Probes use it, so it is always on; metrics.* only decides whether it is scraped. The runner serves /metrics, /health/ready, /debug/pprof and /debug/jobs/list on it; networkPolicy.restrictMetrics limits who can reach it.
   */
  metricsPort?: number;
  /**
   * Namespace job pods run in, for every runner entry that does not set kubernetes.namespace. Empty: the release namespace. The namespace must exist; the chart creates the Role and RoleBinding in it.
   */
  jobNamespace?: string;
  /**
   * Extra input to the deterministic runner system_id (s_ + 12 hex of a hash of seed, namespace, release and pod name). Set it to a cluster name when several clusters run the same release name in the same namespace with the same token, so their managers stay apart.
   */
  systemIdSeed?: string;
  /**
   * Runner entries served by every manager pod ([[runners]] in config.toml). They share concurrent. At least one.
   *
   * @minItems 1
   * @maxItems 50
   */
  runners: [Runner, ...Runner[]];
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
    pullPolicy?: "Always" | "IfNotPresent" | "Never";
  };
  /**
   * Secrets used to pull the manager image.
   */
  imagePullSecrets?: LocalObjectReference[];
  /**
   * Replaces the chart name in object names.
   */
  nameOverride?: string;
  /**
   * Replaces the release-name-chart-name prefix of object names.
   */
  fullnameOverride?: string;
  /**
   * Number of manager pods. Each pod is a separate runner manager in GitLab, with a stable name (and system_id) per ordinal.
   */
  replicas?: number;
  resources?: Resources;
  podSecurityContext?: PodSecurityContext;
  containerSecurityContext?: ContainerSecurityContext;
  nodeSelector?: StringMap7;
  /**
   * Tolerations of the manager pods.
   */
  tolerations?: Toleration[];
  affinity?: Affinity1;
  /**
   * Topology spread constraints of the manager pods. An empty labelSelector is filled with the pods' selector labels.
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * PriorityClass of the manager pods.
   */
  priorityClassName?: string;
  podAnnotations?: StringMap8;
  podLabels?: StringMap9;
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
    startup?: Probe;
    liveness?: Probe1;
    readiness?: Probe2;
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
    size?: string;
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
    name?: string;
    annotations?: StringMap10;
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
   * Prometheus scraping of the runner metrics.
   */
  metrics?: {
    /**
     * Create a metrics Service.
     */
    enabled?: boolean;
    podMonitor?: Monitor;
    serviceMonitor?: Monitor1;
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
}
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
  unhealthyInterval?: string;
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
    namespace?: string;
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
    build?: JobResources;
    helper?: JobResources1;
    service?: JobResources2;
    /**
     * What a job may override through KUBERNETES_* variables. Regexes for names, maximum quantities for resources; empty: nothing.
     */
    overwriteAllowed?: {
      /**
       * Regex of namespaces a job may pick.
       */
      namespace?: string;
      /**
       * Regex of service accounts a job may pick.
       */
      serviceAccount?: string;
      /**
       * Regex of pod labels a job may set.
       */
      podLabels?: string;
      /**
       * Regex of pod annotations a job may set.
       */
      podAnnotations?: string;
      /**
       * Regex of node selectors a job may set.
       */
      nodeSelector?: string;
      /**
       * Regex of tolerations a job may set.
       */
      nodeTolerations?: string;
      /**
       * Highest CPU limit a job may ask for.
       */
      cpuLimitMax?: string;
      /**
       * Highest CPU request a job may ask for.
       */
      cpuRequestMax?: string;
      /**
       * Highest memory limit a job may ask for.
       */
      memoryLimitMax?: string;
      /**
       * Highest memory request a job may ask for.
       */
      memoryRequestMax?: string;
      /**
       * Highest ephemeral storage limit a job may ask for.
       */
      ephemeralStorageLimitMax?: string;
      /**
       * Highest ephemeral storage request a job may ask for.
       */
      ephemeralStorageRequestMax?: string;
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
    serviceAccount?: string;
    /**
     * Mount the service account token into job pods.
     */
    automountServiceAccountToken?: boolean;
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
    affinity?: Affinity;
    podLabels?: StringMap2;
    podAnnotations?: StringMap3;
    /**
     * Secrets (in the job namespace) used to pull job images.
     */
    imagePullSecrets?: K8SName[];
    /**
     * Helper image; empty: the runner's default for its version.
     */
    helperImage?: string;
    podSecurityContext?: JobPodSecurityContext;
    buildContainerSecurityContext?: JobContainerSecurityContext;
    helperContainerSecurityContext?: JobContainerSecurityContext1;
    serviceContainerSecurityContext?: JobContainerSecurityContext2;
    /**
     * DNS policy of job pods; empty: the Kubernetes default (cluster-first). none needs dnsConfig with at least one nameserver, because Kubernetes refuses such a pod otherwise.
     */
    dnsPolicy?: "" | "none" | "default" | "cluster-first" | "cluster-first-with-host-net";
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
        /**
         * Volume name.
         */
        name: string;
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
        /**
         * Volume name.
         */
        name: string;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
      }[];
      /**
       * ConfigMaps; name is the ConfigMap's name.
       */
      configMap?: {
        /**
         * Volume name.
         */
        name: string;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        items?: StringMap4;
      }[];
      /**
       * Secrets; name is the Secret's name.
       */
      secret?: {
        /**
         * Volume name.
         */
        name: string;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        readOnly?: JobReadOnly;
        items?: StringMap5;
      }[];
      /**
       * Scratch directories.
       */
      emptyDir?: {
        /**
         * Volume name.
         */
        name: string;
        mountPath: JobMountPath;
        subPath?: JobSubPath;
        /**
         * Empty or Memory (tmpfs).
         */
        medium?: "" | "Memory";
        /**
         * Size limit.
         */
        sizeLimit?: string;
      }[];
      /**
       * CSI volumes.
       */
      csi?: {
        /**
         * Volume name.
         */
        name: string;
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
        volumeAttributes?: StringMap6;
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
      secretName?: string;
      /**
       * Key of the PEM CA bundle in that Secret.
       */
      caKey?: string;
      /**
       * Key of the bearer token in that Secret.
       */
      tokenKey?: string;
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
      credentialsSecret?: SecretKeyRef1;
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
      credentialsSecret?: SecretKeyRef2;
    };
  };
  /**
   * Raw TOML merged over this entry's generated [[runners]] keys, for settings the chart does not model, e.g. '[kubernetes]\nhelper_image_flavor = "ubuntu"'. Keys are relative to the entry; url, token and name cannot be set here. Each key and value is checked against the pinned runner's own config structs (files/runner-config-model.json), so a key the runner does not have or a value of the wrong type fails the render instead of being ignored.
   */
  configTemplate?: string;
}
/**
 * An existing Secret holding the token (one key; either kind of token alone).
 */
export interface SecretKeyRef {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: string;
  /**
   * Key in that Secret.
   */
  key?: string;
}
/**
 * Resources of the build container.
 */
export interface JobResources {
  /**
   * CPU request.
   */
  cpuRequest?: string;
  /**
   * CPU limit.
   */
  cpuLimit?: string;
  /**
   * Memory request.
   */
  memoryRequest?: string;
  /**
   * Memory limit.
   */
  memoryLimit?: string;
  /**
   * Ephemeral storage request.
   */
  ephemeralStorageRequest?: string;
  /**
   * Ephemeral storage limit.
   */
  ephemeralStorageLimit?: string;
}
/**
 * Resources of the helper container.
 */
export interface JobResources1 {
  /**
   * CPU request.
   */
  cpuRequest?: string;
  /**
   * CPU limit.
   */
  cpuLimit?: string;
  /**
   * Memory request.
   */
  memoryRequest?: string;
  /**
   * Memory limit.
   */
  memoryLimit?: string;
  /**
   * Ephemeral storage request.
   */
  ephemeralStorageRequest?: string;
  /**
   * Ephemeral storage limit.
   */
  ephemeralStorageLimit?: string;
}
/**
 * Resources of each service container.
 */
export interface JobResources2 {
  /**
   * CPU request.
   */
  cpuRequest?: string;
  /**
   * CPU limit.
   */
  cpuLimit?: string;
  /**
   * Memory request.
   */
  memoryRequest?: string;
  /**
   * Memory limit.
   */
  memoryLimit?: string;
  /**
   * Ephemeral storage request.
   */
  ephemeralStorageRequest?: string;
  /**
   * Ephemeral storage limit.
   */
  ephemeralStorageLimit?: string;
}
/**
 * Node labels job pods must match.
 */
export interface StringMap {
  [k: string]: string | undefined;
}
/**
 * Affinity of job pods (Kubernetes Affinity, camelCase as in a pod spec).
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
  podAffinity?: PodAffinity;
  podAntiAffinity?: PodAffinity1;
}
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
export interface PreferredSchedulingTerm {
  /**
   * Weight of this preference, an integer from 1 to 100.
   */
  weight: number;
  preference: NodeSelectorTerm1;
}
/**
 * The node selector term to prefer.
 */
export interface NodeSelectorTerm1 {
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
 * Kubernetes PodAffinity.
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
export interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  /**
   * Namespaces the labelSelector applies to; empty: the pod's own namespace.
   */
  namespaces?: string[];
  /**
   * Node label whose value defines "the same place", for example kubernetes.io/hostname.
   */
  topologyKey: string;
  namespaceSelector?: LabelSelector1;
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
 * Pods to be near (or away from).
 */
export interface LabelSelector {
  matchLabels?: StringMap1;
  /**
   * Requirements on labels, all of which must hold.
   */
  matchExpressions?: LabelSelectorRequirement[];
}
/**
 * Labels that must all be present with these values.
 */
export interface StringMap1 {
  [k: string]: string | undefined;
}
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
 * Namespaces, by label, the labelSelector applies to.
 */
export interface LabelSelector1 {
  matchLabels?: StringMap1;
  /**
   * Requirements on labels, all of which must hold.
   */
  matchExpressions?: LabelSelectorRequirement[];
}
export interface WeightedPodAffinityTerm {
  /**
   * Weight of this preference, an integer from 1 to 100.
   */
  weight: number;
  podAffinityTerm: PodAffinityTerm1;
}
/**
 * The pod affinity term to prefer.
 */
export interface PodAffinityTerm1 {
  labelSelector?: LabelSelector;
  /**
   * Namespaces the labelSelector applies to; empty: the pod's own namespace.
   */
  namespaces?: string[];
  /**
   * Node label whose value defines "the same place", for example kubernetes.io/hostname.
   */
  topologyKey: string;
  namespaceSelector?: LabelSelector1;
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
 * Kubernetes PodAntiAffinity.
 */
export interface PodAffinity1 {
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
 * Labels on job pods.
 */
export interface StringMap2 {
  [k: string]: string | undefined;
}
/**
 * Annotations on job pods.
 */
export interface StringMap3 {
  [k: string]: string | undefined;
}
/**
 * Pod security context of job pods, in the runner's own form (no fsGroupChangePolicy or seLinuxOptions; selinuxType instead).
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
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
}
/**
 * Seccomp profile of all containers.
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
 * AppArmor profile of all containers (Kubernetes 1.30 or later).
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
 * Security context of the build container (privileged and allowPrivilegeEscalation come from the keys above).
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
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile1;
  /**
   * SELinux type label of the container process (the runner sets seLinuxOptions.type from it).
   */
  selinuxType?: string;
  /**
   * Proc mount type: Default, or Unmasked for containers that build OCI images without privileges.
   */
  procMount?: "Default" | "Unmasked";
  appArmorProfile?: AppArmorProfile1;
}
/**
 * Capabilities to add and drop.
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
 * Seccomp profile.
 */
export interface SeccompProfile1 {
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
 * AppArmor profile of the container (Kubernetes 1.30 or later).
 */
export interface AppArmorProfile1 {
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
 * Security context of the helper container.
 */
export interface JobContainerSecurityContext1 {
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
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile1;
  /**
   * SELinux type label of the container process (the runner sets seLinuxOptions.type from it).
   */
  selinuxType?: string;
  /**
   * Proc mount type: Default, or Unmasked for containers that build OCI images without privileges.
   */
  procMount?: "Default" | "Unmasked";
  appArmorProfile?: AppArmorProfile1;
}
/**
 * Security context of service containers.
 */
export interface JobContainerSecurityContext2 {
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
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile1;
  /**
   * SELinux type label of the container process (the runner sets seLinuxOptions.type from it).
   */
  selinuxType?: string;
  /**
   * Proc mount type: Default, or Unmasked for containers that build OCI images without privileges.
   */
  procMount?: "Default" | "Unmasked";
  appArmorProfile?: AppArmorProfile1;
}
/**
 * DNS settings of job pods (Kubernetes PodDNSConfig), merged with what dnsPolicy generates; required with dnsPolicy none.
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
/**
 * Key to file path.
 */
export interface StringMap4 {
  [k: string]: string | undefined;
}
/**
 * Key to file path.
 */
export interface StringMap5 {
  [k: string]: string | undefined;
}
/**
 * Driver attributes.
 */
export interface StringMap6 {
  [k: string]: string | undefined;
}
/**
 * Secret with the access key id and secret key.
 */
export interface CacheCredentials {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: string;
  /**
   * Key holding the S3 access key id.
   */
  accessKeyKey?: string;
  /**
   * Key holding the S3 secret access key.
   */
  secretKeyKey?: string;
}
/**
 * Secret holding the service-account JSON key; omit for workload identity.
 */
export interface SecretKeyRef1 {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: string;
  /**
   * Key in that Secret.
   */
  key?: string;
}
/**
 * Secret holding the account key.
 */
export interface SecretKeyRef2 {
  /**
   * Name of an existing Secret in the release namespace.
   */
  name: string;
  /**
   * Key in that Secret.
   */
  key?: string;
}
export interface LocalObjectReference {
  /**
   * Name of the Secret.
   */
  name: string;
}
/**
 * Resources of the manager container. Jobs run in their own pods, so the manager needs little.
 */
export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList1;
}
/**
 * Requested resources.
 */
export interface ResourceList {
  /**
   * CPU quantity.
   */
  cpu?: string;
  /**
   * Memory quantity.
   */
  memory?: string;
  /**
   * Ephemeral storage quantity.
   */
  "ephemeral-storage"?: string;
}
/**
 * Resource limits.
 */
export interface ResourceList1 {
  /**
   * CPU quantity.
   */
  cpu?: string;
  /**
   * Memory quantity.
   */
  memory?: string;
  /**
   * Ephemeral storage quantity.
   */
  "ephemeral-storage"?: string;
}
/**
 * Pod security context of the manager pod. The default passes Pod Security restricted. For OpenShift's arbitrary UIDs set runAsUser, runAsGroup and fsGroup to null.
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
  seccompProfile?: SeccompProfile2;
}
/**
 * Seccomp profile.
 */
export interface SeccompProfile2 {
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
 * Security context of the manager container: read-only root filesystem, no privilege escalation, no capabilities.
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
  capabilities?: Capabilities1;
  seccompProfile?: SeccompProfile3;
}
/**
 * Capabilities to add and drop.
 */
export interface Capabilities1 {
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
 * Seccomp profile.
 */
export interface SeccompProfile3 {
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
 * Node labels the manager pods must match.
 */
export interface StringMap7 {
  [k: string]: string | undefined;
}
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
 * Affinity of the manager pods (Kubernetes Affinity).
 */
export interface Affinity1 {
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
  podAffinity?: PodAffinity;
  podAntiAffinity?: PodAffinity1;
}
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
 * Extra annotations on the manager pods.
 */
export interface StringMap8 {
  [k: string]: string | undefined;
}
/**
 * Extra labels on the manager pods.
 */
export interface StringMap9 {
  [k: string]: string | undefined;
}
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
export interface Volume {
  /**
   * Volume name.
   */
  name: string;
}
export interface VolumeMount {
  /**
   * Volume name.
   */
  name: string;
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
 * Startup probe on the local metrics server, which the runner opens only after the entrypoint verified or registered every runner entry. Leave failureThreshold unset: the chart derives it from lifecycle.startAttempts (the entrypoint's backoff, 5 s doubling up to 5 min, plus 30 s per attempt for the runner's connect timeout, for each runner entry, one after another) so Kubernetes never kills a pod that is still retrying. A failureThreshold set by hand must cover that budget, or the chart refuses it.
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
 * Liveness probe on the local metrics server (/metrics), independent of GitLab.
 */
export interface Probe1 {
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
 * Readiness probe on the runner's /health/ready endpoint (ready once the runner's boot checks passed), never on GitLab.
 */
export interface Probe2 {
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
 * Annotations, for example eks.amazonaws.com/role-arn for IRSA or iam.gke.io/gcp-service-account for workload identity (S3/GCS cache without keys).
 */
export interface StringMap10 {
  [k: string]: string | undefined;
}
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
 * A PodMonitor (Prometheus Operator).
 */
export interface Monitor {
  /**
   * Create the object.
   */
  enabled?: boolean;
  /**
   * Scrape interval.
   */
  interval?: string;
  /**
   * Scrape timeout.
   */
  scrapeTimeout?: string;
  labels?: StringMap11;
}
/**
 * Extra labels, e.g. the release label your Prometheus selects.
 */
export interface StringMap11 {
  [k: string]: string | undefined;
}
/**
 * A ServiceMonitor (Prometheus Operator); needs metrics.enabled.
 */
export interface Monitor1 {
  /**
   * Create the object.
   */
  enabled?: boolean;
  /**
   * Scrape interval.
   */
  interval?: string;
  /**
   * Scrape timeout.
   */
  scrapeTimeout?: string;
  labels?: StringMap11;
}
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
    cidr: string;
    /**
     * Excluded CIDRs.
     */
    except?: Cidr[];
  };
}
