// Builds the integration tier's control plane (kube-apiserver, kube-controller-manager,
// kube-scheduler for each Kubernetes track, etcd, kwok, kwokctl) from the pinned Go modules in
// tools/cluster/ into .tools/cluster/, and fetches the Prometheus Operator CRDs.
//   npm run cluster-tools               every track; fails with one line when Go is missing
//   tsx scripts/cluster-tools.ts --optional   (from setup) prints that line and exits 0 instead
import {
  ClusterToolsError,
  ensureClusterTools,
  goMissing,
  KUBERNETES_MINORS,
  type KubernetesTrack,
} from "../src/testing/cluster/tools.js";
import { EXISTING_CLUSTER_ENV } from "../src/testing/cluster/cluster.js";

const optional = process.argv.includes("--optional");

if (process.env[EXISTING_CLUSTER_ENV]) {
  console.log(`cluster tools: not needed, ${EXISTING_CLUSTER_ENV} points the integration tier at an existing cluster`);
  process.exit(0);
}

const missing = await goMissing();
if (missing) {
  const line = `cluster tools: ${missing}; install Go 1.26 or newer to build the control plane of the integration tier`;
  if (optional) {
    console.log(`${line} (the tier will skip)`);
    process.exit(0);
  }
  console.error(line);
  process.exit(1);
}

try {
  await ensureClusterTools(Object.keys(KUBERNETES_MINORS) as KubernetesTrack[]);
} catch (error) {
  if (!(error instanceof ClusterToolsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
