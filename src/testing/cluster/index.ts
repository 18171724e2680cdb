// Test harness for a real Kubernetes control plane: a kwok cluster built from pinned sources (in
// this repository only), or an existing cluster (FLEET_TEST_KUBECONFIG, also from the package).
export {
  clusterUnavailable,
  startCluster,
  EXISTING_CLUSTER_ENV,
  failedRunLogsDir,
  type TestCluster,
} from "./cluster.js";
export { helm, helmApply, APPLY_FLAGS, type HelmRun, type ReleaseChange } from "./helm.js";
export { NamespaceScope, podSecurityLabels, statusOf, type PodSecurityLevel } from "./namespaces.js";
export { waitFor } from "./wait.js";
export { kubectlBinary } from "./kubectl.js";
export { KUBERNETES_MINORS, monitoringCrdFiles, type KubernetesTrack } from "./tools.js";
