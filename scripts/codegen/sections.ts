/**
 * The README values table, in sections: each top-level key of values.schema.json belongs to exactly
 * one (the generator refuses a key that is missing or listed twice). Within a section keys keep
 * the schema's order.
 */
export const VALUE_SECTIONS: readonly { title: string; keys: readonly string[] }[] = [
  { title: "GitLab connection", keys: ["gitlabUrl", "gitlabCA", "connectionMaxAge", "proxy"] },
  {
    title: "Runner entries",
    keys: ["runners", "concurrent", "checkInterval", "jobNamespace", "systemIdSeed", "allowShellExecutor"],
  },
  {
    title: "Manager pod",
    keys: [
      "image",
      "imagePullSecrets",
      "nameOverride",
      "fullnameOverride",
      "replicas",
      "resources",
      "logLevel",
      "logFormat",
      "nodeSelector",
      "tolerations",
      "affinity",
      "topologySpreadConstraints",
      "priorityClassName",
      "podAnnotations",
      "podLabels",
      "extraEnv",
      "extraVolumes",
      "extraVolumeMounts",
      "hostAliases",
      "persistence",
    ],
  },
  {
    title: "Lifecycle",
    keys: ["shutdownTimeout", "terminationGracePeriodSeconds", "lifecycle", "probes", "podDisruptionBudget"],
  },
  { title: "Security and RBAC", keys: ["podSecurityContext", "containerSecurityContext", "serviceAccount", "rbac"] },
  { title: "Networking", keys: ["networkPolicy"] },
  { title: "Metrics", keys: ["metricsPort", "metrics"] },
  { title: "Tests and uninstall", keys: ["tests", "uninstall"] },
  { title: "Job-cluster mode", keys: ["jobCluster"] },
  { title: "Orphan cleanup", keys: ["orphanCleanup"] },
  { title: "As a dependency of another chart", keys: ["global"] },
];
