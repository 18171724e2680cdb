/** A valid base; each case changes one thing. */
export const base = () => ({
  gitlabUrl: "https://gitlab.example.com",
  runners: [{ name: "default", token: { value: "glrt-FAKE0000000000000000000" } }] as Record<string, unknown>[],
});

/** base() with `patch` over its runner entry and `top` over its top-level keys. */
export const withRunner = (patch: Record<string, unknown>, top: Record<string, unknown> = {}) => {
  const values = { ...base(), ...top };
  values.runners = [{ ...values.runners[0], ...patch }];
  return values;
};

/** Job pods with their own DNS settings (dnsPolicy none needs nameservers). */
export const jobDnsNone = {
  dnsPolicy: "none",
  dnsConfig: {
    nameservers: ["10.0.0.10"],
    searches: ["ci.svc.cluster.local"],
    options: [{ name: "ndots", value: "2" }, { name: "edns0" }],
  },
};

export interface BadCase {
  title: string;
  values: Record<string, unknown>;
  /** The offending key, as users write it: `runners[0].kubernetes.image`. */
  path: string;
  /** schema: caught by values.schema.json; semantic: by the chart's validateValues. */
  by: "schema" | "semantic";
}

export const badCases: BadCase[] = [
  { title: "a missing gitlabUrl", values: { runners: base().runners }, path: "gitlabUrl", by: "schema" },
  {
    title: "a gitlabUrl that is not http(s)",
    values: { ...base(), gitlabUrl: "ftp://gitlab.example.com" },
    path: "gitlabUrl",
    by: "schema",
  },
  { title: "a typo at the top level", values: { ...base(), concurent: 4 }, path: "concurent", by: "schema" },
  { title: "concurrent as a string", values: { ...base(), concurrent: "abc" }, path: "concurrent", by: "schema" },
  { title: "concurrent of 0", values: { ...base(), concurrent: 0 }, path: "concurrent", by: "schema" },
  { title: "an unknown log level", values: { ...base(), logLevel: "verbose" }, path: "logLevel", by: "schema" },
  {
    title: "a connectionMaxAge that is no Go duration",
    values: { ...base(), connectionMaxAge: "15 minutes" },
    path: "connectionMaxAge",
    by: "schema",
  },
  { title: "no runner entries", values: { ...base(), runners: [] }, path: "runners", by: "schema" },
  {
    title: "a runner without a name",
    values: { ...base(), runners: [{ token: { value: "glrt-FAKE0000000000000000000" } }] },
    path: "runners[0].name",
    by: "schema",
  },
  {
    title: "a runner name with capitals",
    values: withRunner({ name: "Default" }),
    path: "runners[0].name",
    by: "schema",
  },
  {
    title: "a runner without a token",
    values: { ...base(), runners: [{ name: "default" }] },
    path: "runners[0].token",
    by: "schema",
  },
  {
    title: "an authentication token without glrt-",
    values: withRunner({ token: { value: "GR1348941FAKE" } }),
    path: "runners[0].token.value",
    by: "schema",
  },
  {
    title: "a registration token that is a glrt- token",
    values: withRunner({ token: { kind: "registration", value: "glrt-FAKE0000" } }),
    path: "runners[0].token.value",
    by: "schema",
  },
  {
    title: "an unknown token kind",
    values: withRunner({ token: { kind: "personal", value: "glrt-FAKE0000" } }),
    path: "runners[0].token.kind",
    by: "schema",
  },
  {
    title: "an existingSecret without a name",
    values: withRunner({ token: { existingSecret: { key: "token" } } }),
    path: "runners[0].token.existingSecret.name",
    by: "schema",
  },
  {
    title: "registration settings with a glrt- token",
    values: withRunner({ registration: { tags: ["k8s"] } }),
    path: "runners[0].registration",
    by: "schema",
  },
  {
    title: "a typo inside kubernetes",
    values: withRunner({ kubernetes: { imagee: "alpine" } }),
    path: "runners[0].kubernetes.imagee",
    by: "schema",
  },
  {
    title: "an unknown executor",
    values: withRunner({ executor: "docker" }),
    path: "runners[0].executor",
    by: "schema",
  },
  {
    title: "a cpu request that is no quantity",
    values: withRunner({ kubernetes: { build: { cpuRequest: "two" } } }),
    path: "runners[0].kubernetes.build.cpuRequest",
    by: "schema",
  },
  {
    title: "an unknown pull policy",
    values: withRunner({ kubernetes: { pullPolicy: ["sometimes"] } }),
    path: "runners[0].kubernetes.pullPolicy[0]",
    by: "schema",
  },
  {
    title: "a feature flag without FF_",
    values: withRunner({ featureFlags: { USE_FASTZIP: true } }),
    path: "runners[0].featureFlags",
    by: "schema",
  },
  {
    title: "a toleration with an unknown effect",
    values: withRunner({ kubernetes: { nodeTolerations: [{ key: "a", effect: "Sometimes" }] } }),
    path: "runners[0].kubernetes.nodeTolerations[0].effect",
    by: "schema",
  },
  {
    title: "an s3 cache without a bucket",
    values: withRunner({ cache: { type: "s3", s3: { credentialsSecret: { name: "minio" } } } }),
    path: "runners[0].cache.s3.bucketName",
    by: "schema",
  },
  {
    title: "an unknown cache type",
    values: withRunner({ cache: { type: "ftp" } }),
    path: "runners[0].cache.type",
    by: "schema",
  },
  {
    title: "a job volume with a relative mount path",
    values: withRunner({ kubernetes: { volumes: { emptyDir: [{ name: "scratch", mountPath: "scratch" }] } } }),
    path: "runners[0].kubernetes.volumes.emptyDir[0].mountPath",
    by: "schema",
  },
  {
    title: "an RBAC rule with a wildcard verb",
    values: { ...base(), rbac: { extraRules: [{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }] } },
    path: "rbac.extraRules[0].verbs[0]",
    by: "schema",
  },
  {
    title: "a typo in the manager's security context",
    values: { ...base(), containerSecurityContext: { readOnlyRootFileSystem: true } },
    path: "containerSecurityContext.readOnlyRootFileSystem",
    by: "schema",
  },
  {
    title: "a grace period too short to drain",
    values: { ...base(), terminationGracePeriodSeconds: 5 },
    path: "terminationGracePeriodSeconds",
    by: "schema",
  },
  {
    title: "an unknown persistence access mode",
    values: { ...base(), persistence: { accessModes: ["ReadMany"] } },
    path: "persistence.accessModes[0]",
    by: "schema",
  },
  {
    title: "an image digest that is no sha256",
    values: { ...base(), image: { digest: "latest" } },
    path: "image.digest",
    by: "schema",
  },
  {
    title: "a networkPolicy CIDR without a prefix",
    values: { ...base(), networkPolicy: { enabled: true, gitlabCIDRs: ["203.0.113.10"] } },
    path: "networkPolicy.gitlabCIDRs[0]",
    by: "schema",
  },
  // Job-pod affinity is decoded by the runner into typed structs (values []string, weight int32):
  // a wrong type there makes every runner command fail to load config.toml.
  {
    title: "a node affinity requirement with a number in values",
    values: withRunner({
      kubernetes: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "cpus", operator: "Gt", values: [4] }] }],
            },
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]",
    by: "schema",
  },
  {
    title: "a preferred node affinity weight given as a string",
    values: withRunner({
      kubernetes: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: "50", preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } },
            ],
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
    by: "schema",
  },
  {
    title: "a pod anti-affinity weight given as a string",
    values: withRunner({
      kubernetes: {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: "50", podAffinityTerm: { topologyKey: "kubernetes.io/hostname" } },
            ],
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
    by: "schema",
  },
  {
    title: "a pod affinity term without a topologyKey",
    values: withRunner({
      kubernetes: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "db" } } }],
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
    by: "schema",
  },
  {
    title: "a label selector expression with a typo'd key",
    values: withRunner({
      kubernetes: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                topologyKey: "zone",
                labelSelector: { matchExpressions: [{ key: "app", operator: "In", valuess: ["db"] }] },
              },
            ],
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].valuess",
    by: "schema",
  },
  {
    title: "a label selector with the node-only operator Gt",
    values: withRunner({
      kubernetes: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                topologyKey: "zone",
                labelSelector: { matchExpressions: [{ key: "app", operator: "Gt", values: ["1"] }] },
              },
            ],
          },
        },
      },
    }),
    path: "runners[0].kubernetes.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator",
    by: "schema",
  },
  // The runner's job-pod security contexts are its own structs, not Kubernetes': keys it lacks
  // would be rendered into config.toml and make it fail to load.
  {
    title: "fsGroupChangePolicy on job pods (the runner has no such key)",
    values: withRunner({ kubernetes: { podSecurityContext: { fsGroupChangePolicy: "OnRootMismatch" } } }),
    path: "runners[0].kubernetes.podSecurityContext.fsGroupChangePolicy",
    by: "schema",
  },
  {
    title: "Kubernetes seLinuxOptions on job pods (the runner takes selinuxType)",
    values: withRunner({ kubernetes: { podSecurityContext: { seLinuxOptions: { type: "spc_t" } } } }),
    path: "runners[0].kubernetes.podSecurityContext.seLinuxOptions",
    by: "schema",
  },
  {
    title: "a Localhost seccomp profile without its file",
    values: withRunner({ kubernetes: { buildContainerSecurityContext: { seccompProfile: { type: "Localhost" } } } }),
    path: "runners[0].kubernetes.buildContainerSecurityContext.seccompProfile.localhostProfile",
    by: "schema",
  },
  {
    title: "an unknown procMount",
    values: withRunner({ kubernetes: { buildContainerSecurityContext: { procMount: "Masked" } } }),
    path: "runners[0].kubernetes.buildContainerSecurityContext.procMount",
    by: "schema",
  },
  {
    title: "a Localhost AppArmor profile without its name",
    values: withRunner({ kubernetes: { podSecurityContext: { appArmorProfile: { type: "Localhost" } } } }),
    path: "runners[0].kubernetes.podSecurityContext.appArmorProfile.localhostProfile",
    by: "schema",
  },
  {
    title: "dnsPolicy none without a dnsConfig",
    values: withRunner({ kubernetes: { dnsPolicy: "none" } }),
    path: "runners[0].kubernetes.dnsConfig",
    by: "schema",
  },
  {
    title: "dnsPolicy none with a dnsConfig without nameservers",
    values: withRunner({ kubernetes: { dnsPolicy: "none", dnsConfig: { searches: ["svc.cluster.local"] } } }),
    path: "runners[0].kubernetes.dnsConfig.nameservers",
    by: "schema",
  },
  {
    title: "a dnsConfig option without a name",
    values: withRunner({ kubernetes: { dnsConfig: { nameservers: ["10.0.0.10"], options: [{ value: "2" }] } } }),
    path: "runners[0].kubernetes.dnsConfig.options[0].name",
    by: "schema",
  },
  {
    title: "a proxy that is no URL",
    values: { ...base(), proxy: { httpsProxy: "proxy.example.com:3128" } },
    path: "proxy.httpsProxy",
    by: "schema",
  },
  {
    title: "a proxy CIDR without a prefix",
    values: { ...base(), proxy: { httpsProxy: "http://proxy.example.com:3128", clusterCIDRs: ["10.96.0.0"] } },
    path: "proxy.clusterCIDRs[0]",
    by: "schema",
  },
  {
    title: "two runners with one name",
    values: {
      ...base(),
      runners: [base().runners[0], { name: "default", token: { value: "glrt-FAKE1111111111111111111" } }],
    },
    path: "runners[1].name",
    by: "semantic",
  },
  {
    title: "a token with both value and existingSecret",
    values: withRunner({ token: { value: "glrt-FAKE0000", existingSecret: { name: "x" } } }),
    path: "runners[0].token",
    by: "schema",
  },
  {
    title: "a token with neither value nor existingSecret",
    values: withRunner({ token: { kind: "authentication" } }),
    path: "runners[0].token",
    by: "schema",
  },
  {
    title: "privileged without privilege escalation",
    values: withRunner({ kubernetes: { privileged: true } }),
    path: "runners[0].kubernetes.allowPrivilegeEscalation",
    by: "semantic",
  },
  {
    title: "an external cluster without its Secret",
    values: withRunner({ kubernetes: { externalCluster: { host: "https://10.0.0.1:6443" } } }),
    path: "runners[0].kubernetes.externalCluster.secretName",
    by: "semantic",
  },
  {
    title: "an access-key s3 cache without credentials",
    values: withRunner({ cache: { type: "s3", s3: { bucketName: "cache" } } }),
    path: "runners[0].cache.s3.credentialsSecret",
    by: "semantic",
  },
  {
    title: "a configTemplate that is not TOML",
    values: withRunner({ configTemplate: "[kubernetes\nimage = 1" }),
    path: "runners[0].configTemplate",
    by: "semantic",
  },
  {
    title: "a configTemplate that sets the token",
    values: withRunner({ configTemplate: 'token = "glrt-other"' }),
    path: "runners[0].configTemplate",
    by: "semantic",
  },
  {
    title: "allowedPullPolicies without the configured pullPolicy",
    values: withRunner({ kubernetes: { allowedPullPolicies: ["always"] } }),
    path: "runners[0].kubernetes.allowedPullPolicies",
    by: "semantic",
  },
  {
    title: "allowedPullPolicies without any of several pullPolicies",
    values: withRunner({ kubernetes: { pullPolicy: ["never", "if-not-present"], allowedPullPolicies: ["always"] } }),
    path: "runners[0].kubernetes.allowedPullPolicies",
    by: "semantic",
  },
  {
    title: "a proxy variable in extraEnv (NO_PROXY would miss the API server)",
    values: { ...base(), extraEnv: [{ name: "HTTPS_PROXY", value: "http://proxy.example.com:3128" }] },
    path: "extraEnv[0].name",
    by: "semantic",
  },
  {
    title: "the shell executor without its opt-in",
    values: withRunner({ executor: "shell" }),
    path: "runners[0].executor",
    by: "semantic",
  },
  {
    title: "a startup probe shorter than the start retries",
    values: { ...base(), probes: { startup: { failureThreshold: 3 } } },
    path: "probes.startup.failureThreshold",
    by: "semantic",
  },
  {
    title: "the uninstall hook without RBAC",
    values: { ...base(), rbac: { create: false }, serviceAccount: { create: false, name: "runner" } },
    path: "uninstall.enabled",
    by: "semantic",
  },
  {
    title: "orphan cleanup without RBAC",
    values: {
      ...base(),
      rbac: { create: false },
      serviceAccount: { create: false, name: "runner" },
      uninstall: { enabled: false },
      orphanCleanup: { enabled: true },
    },
    path: "orphanCleanup.enabled",
    by: "semantic",
  },
  {
    title: "orphan cleanup with no job pods in this cluster",
    values: {
      ...withRunner({ kubernetes: { externalCluster: { host: "https://10.0.0.1:6443", secretName: "remote" } } }),
      orphanCleanup: { enabled: true },
    },
    path: "orphanCleanup.enabled",
    by: "semantic",
  },
  {
    title: "a PodMonitor while nobody may scrape",
    values: { ...base(), metrics: { podMonitor: { enabled: true } } },
    path: "networkPolicy.metricsFrom",
    by: "semantic",
  },
  {
    title: "a proxy with the egress policy but no proxyCIDRs",
    values: { ...base(), proxy: { httpsProxy: "http://proxy.example.com:3128" }, networkPolicy: { enabled: true } },
    path: "networkPolicy.proxyCIDRs",
    by: "semantic",
  },
  {
    title: "a configTemplate with a key the runner does not have",
    values: withRunner({ configTemplate: '[kubernetes]\nhelper_image_flavour = "ubuntu"' }),
    path: "runners[0].configTemplate: kubernetes.helper_image_flavour",
    by: "semantic",
  },
  {
    title: "a configTemplate with a string where the runner wants an integer",
    values: withRunner({ configTemplate: '[kubernetes]\npoll_timeout = "180"' }),
    path: "runners[0].configTemplate: kubernetes.poll_timeout",
    by: "semantic",
  },
  {
    title: "a configTemplate with a float where the runner wants an integer",
    values: withRunner({ configTemplate: "output_limit = 4096.0" }),
    path: "runners[0].configTemplate: output_limit",
    by: "semantic",
  },
  {
    title: "a configTemplate with an unknown key in an array of tables",
    values: withRunner({
      configTemplate: '[[kubernetes.volumes.empty_dir]]\nname = "scratch"\nmount_path = "/scratch"\nsize = "1Gi"',
    }),
    path: "runners[0].configTemplate: kubernetes.volumes.empty_dir[0].size",
    by: "semantic",
  },
  {
    title: "a configTemplate with a duration Go cannot parse",
    values: withRunner({ configTemplate: 'unhealthy_interval = "1 hour"' }),
    path: "runners[0].configTemplate: unhealthy_interval",
    by: "semantic",
  },
  {
    title: "a typo in the second runner's configTemplate",
    values: {
      ...base(),
      runners: [
        base().runners[0],
        {
          name: "second",
          token: { value: "glrt-FAKE1111111111111111111" },
          configTemplate: "[cache]\nshared = true\nSharred = true",
        },
      ],
    },
    path: "runners[1].configTemplate: cache.Sharred",
    by: "semantic",
  },
  {
    title: "a ServiceMonitor without the metrics Service",
    values: { ...base(), metrics: { enabled: false, serviceMonitor: { enabled: true } } },
    path: "metrics.serviceMonitor.enabled",
    by: "semantic",
  },
  {
    title: "job-cluster mode without job namespaces",
    values: { jobCluster: { enabled: true } },
    path: "jobCluster.namespaces",
    by: "semantic",
  },
  {
    title: "job-cluster mode with runner entries",
    values: { ...base(), jobCluster: { enabled: true, namespaces: ["ci-remote"] } },
    path: "runners",
    by: "semantic",
  },
  {
    title: "job-cluster mode without RBAC",
    values: { jobCluster: { enabled: true, namespaces: ["ci-remote"] }, rbac: { create: false } },
    path: "rbac.create",
    by: "semantic",
  },
  {
    title: "job namespaces without job-cluster mode",
    values: { ...base(), jobCluster: { namespaces: ["ci-remote"] } },
    path: "jobCluster.enabled",
    by: "semantic",
  },
  {
    title: "job-cluster mode with a namespace that is no Kubernetes name",
    values: { jobCluster: { enabled: true, namespaces: ["CI_Remote"] } },
    path: "jobCluster.namespaces[0]",
    by: "schema",
  },
];

// ---- Message wording: the text a user reads, from ajv/TS and from both helm versions.
// helm's wording differs by version (helm 3 and helm 4 word schema errors differently), so each case lists what each one must say.

export interface MessageCase {
  title: string;
  values: Record<string, unknown>;
  /** Substrings of the TS validateValues message. */
  ts: string[];
  /** Substrings of helm 3's and helm 4's error output. */
  helm3: string[];
  helm4: string[];
  /** schema: helm reports it as a values error; semantic: the chart's validateValues (helm's `fail`). */
  by: "schema" | "semantic";
}

export const messageCases: MessageCase[] = [
  {
    title: "a missing gitlabUrl says required",
    values: { runners: base().runners },
    ts: ["gitlabUrl: required"],
    helm3: ["gitlabUrl is required"],
    helm4: ["missing property 'gitlabUrl'"],
    by: "schema",
  },
  {
    title: "a token without glrt- and no kind hints at token.kind: registration",
    values: withRunner({ token: { value: "GR1348941FAKE" } }),
    ts: [
      "runners[0].token.value: an authentication token starts with glrt-; for a legacy registration token set runners[0].token.kind: registration",
    ],
    helm3: ["runners.0.token.value: Does not match pattern '^glrt-'", "runners.0.token: kind is required"],
    helm4: ["'/runners/0/token/value'", "'^glrt-'", "at '/runners/0/token': missing property 'kind'"],
    by: "schema",
  },
  {
    title: "a token without glrt- and kind: authentication hints at kind registration",
    values: withRunner({ token: { kind: "authentication", value: "GR1348941FAKE" } }),
    ts: ["set runners[0].token.kind: registration"],
    helm3: ['runners.0.token.kind: runners.0.token.kind does not match: "registration"'],
    helm4: ["at '/runners/0/token/kind': value must be 'registration'"],
    by: "schema",
  },
  {
    title: "value and existingSecret together is a values error",
    values: withRunner({ token: { value: "glrt-FAKE0000", existingSecret: { name: "x" } } }),
    ts: ["runners[0].token: set exactly one of value or existingSecret"],
    helm3: [
      "values don't meet the specifications of the schema",
      "runners.0.token: Must validate one and only one schema (oneOf)",
    ],
    helm4: ["values don't meet the specifications of the schema", "at '/runners/0/token': 'oneOf' failed"],
    by: "schema",
  },
  {
    title: "neither value nor existingSecret is a values error",
    values: withRunner({ token: { kind: "authentication" } }),
    ts: ["runners[0].token: set exactly one of value or existingSecret"],
    helm3: ["runners.0.token: Must validate one and only one schema (oneOf)"],
    helm4: ["at '/runners/0/token': 'oneOf' failed"],
    by: "schema",
  },
  {
    title: "a configTemplate that sets token_expires_at (the entrypoint writes it with the token)",
    values: withRunner({ configTemplate: "token_expires_at = 2030-01-01T00:00:00Z" }),
    ts: ['runners[0].configTemplate: "token_expires_at" is managed by the chart'],
    helm3: ['runners[0].configTemplate: "token_expires_at" is managed by the chart'],
    helm4: ['runners[0].configTemplate: "token_expires_at" is managed by the chart'],
    by: "semantic",
  },
  {
    title: "job-cluster mode with runner entries says each problem once, the same in TS and helm",
    values: { ...base(), jobCluster: { enabled: true } },
    ts: [
      "jobCluster.namespaces: at least one namespace required when jobCluster.enabled is true (the Role and RoleBinding go there)",
      "runners: must be empty when jobCluster.enabled is true (job-cluster mode installs no managers; give the runner entries to the manager's own install)",
    ],
    helm3: [
      "2 problem(s)",
      "jobCluster.namespaces: at least one namespace required",
      "runners: must be empty when jobCluster.enabled is true",
    ],
    helm4: [
      "2 problem(s)",
      "jobCluster.namespaces: at least one namespace required",
      "runners: must be empty when jobCluster.enabled is true",
    ],
    by: "semantic",
  },
];

export interface GoodCase {
  title: string;
  values: Record<string, unknown>;
}

export const goodCases: GoodCase[] = [
  { title: "only a URL and one glrt- token", values: base() },
  {
    title: "an existing Secret with the default key",
    values: withRunner({ token: { existingSecret: { name: "runner-token" } } }),
  },
  {
    title: "a legacy registration token with tags",
    values: withRunner({
      token: { kind: "registration", value: "GR1348941FAKE" },
      registration: { tags: ["a", "b"], locked: false },
    }),
  },
  {
    title: "locked: false and limit: 0 set explicitly",
    values: withRunner({
      token: { kind: "registration", value: "GR1348941FAKE" },
      registration: { locked: false },
      limit: 0,
    }),
  },
  {
    title: "the shell executor with its opt-in",
    values: { ...withRunner({ executor: "shell" }), allowShellExecutor: true },
  },
  {
    title: "dnsPolicy none with nameservers",
    values: withRunner({ kubernetes: jobDnsNone }),
  },
  {
    title: "allowedPullPolicies that include the configured pullPolicy",
    values: withRunner({
      kubernetes: { pullPolicy: ["always", "if-not-present"], allowedPullPolicies: ["if-not-present"] },
    }),
  },
  {
    title: "typed proxies",
    values: {
      ...base(),
      proxy: {
        httpProxy: "http://proxy.example.com:3128",
        httpsProxy: "http://proxy.example.com:3128",
        noProxy: ["gitlab.internal", ".corp"],
        clusterCIDRs: ["10.96.0.0/12", "10.244.0.0/16"],
      },
    },
  },
  {
    title: "a startup probe long enough for 100 start attempts",
    values: {
      ...base(),
      lifecycle: { startAttempts: 100 },
      probes: { startup: { periodSeconds: 30, failureThreshold: 2000 } },
    },
  },
  { title: "a GitLab under a path prefix", values: { ...base(), gitlabUrl: "http://gitlab.internal:8080/gitlab" } },
  { title: "zero replicas", values: { ...base(), replicas: 0 } },
  {
    title: "null security-context defaults (OpenShift)",
    values: { ...base(), podSecurityContext: { runAsUser: null, runAsGroup: null, fsGroup: null } },
  },
  {
    title: "an image pinned by digest",
    values: { ...base(), image: { tag: "alpine-v19.4.0", digest: `sha256:${"a".repeat(64)}` } },
  },
  {
    title: "an iam s3 cache",
    values: withRunner({ cache: { type: "s3", s3: { bucketName: "cache", authenticationType: "iam" } } }),
  },
  {
    title: "extra RBAC rules without wildcards",
    values: {
      ...base(),
      rbac: { extraRules: [{ apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: ["create", "get"] }] },
    },
  },
  {
    title: "a fully typed job-pod affinity (every term kind)",
    values: withRunner({
      kubernetes: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [{ key: "cpus", operator: "Gt", values: ["4"] }],
                  matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-a"] }],
                },
              ],
            },
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 50, preference: { matchExpressions: [{ key: "zone", operator: "Exists" }] } },
            ],
          },
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                topologyKey: "zone",
                labelSelector: { matchLabels: { app: "db" } },
                namespaces: ["data"],
                namespaceSelector: { matchExpressions: [{ key: "team", operator: "In", values: ["ci"] }] },
                matchLabelKeys: ["pod-template-hash"],
              },
            ],
          },
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: { topologyKey: "kubernetes.io/hostname", mismatchLabelKeys: ["tenant"] },
              },
            ],
          },
        },
      },
    }),
  },
  {
    title: "every job-pod security-context key the runner has",
    values: withRunner({
      kubernetes: {
        podSecurityContext: {
          runAsNonRoot: true,
          runAsUser: 1000,
          runAsGroup: 1000,
          fsGroup: 1000,
          supplementalGroups: [2000],
          selinuxType: "container_t",
          seccompProfile: { type: "RuntimeDefault" },
          appArmorProfile: { type: "Localhost", localhostProfile: "ci-jobs" },
        },
        buildContainerSecurityContext: {
          readOnlyRootFilesystem: false,
          selinuxType: "container_t",
          procMount: "Unmasked",
          capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
          appArmorProfile: { type: "RuntimeDefault" },
          seccompProfile: { type: "Localhost", localhostProfile: "profiles/ci.json" },
        },
        helperContainerSecurityContext: { runAsNonRoot: true, procMount: "Default" },
      },
    }),
  },
  {
    title: "orphan cleanup on, in dry-run mode, with a short bound",
    values: {
      ...base(),
      orphanCleanup: { enabled: true, dryRun: true, jobTimeoutSeconds: 600, graceSeconds: 0, schedule: "*/5 * * * *" },
    },
  },
  {
    title: "RBAC managed outside the chart, uninstall hook off",
    values: {
      ...base(),
      rbac: { create: false },
      serviceAccount: { create: false, name: "runner" },
      uninstall: { enabled: false },
    },
  },
  {
    title: "a configTemplate with settings the chart does not model",
    values: withRunner({
      configTemplate:
        '[kubernetes]\nhelper_image_flavor = "ubuntu"\ncleanup_resources_timeout = "5m"\n[kubernetes.dns_config]\nnameservers = ["10.0.0.10"]\n[[kubernetes.host_aliases]]\nip = "10.0.0.1"\nhostnames = ["a.local"]\n[cache]\nMaxUploadedArchiveSize = 1048576',
    }),
  },
  {
    title: "every probe switched off",
    values: {
      ...base(),
      probes: { startup: { enabled: false }, liveness: { enabled: false }, readiness: { enabled: false } },
    },
  },
];
