// First kind test: the chart's default scenario installs with --wait on a real kubelet and uninstalls cleanly.
// The job, drain, identity and job-pod-spec tests build on the same cluster lifecycle (see the issue).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chartRoot } from "../../src/paths.js";
import {
  createKindCluster,
  deleteKindCluster,
  helmReleaseStatus,
  helmUninstall,
  helmUpgradeInstall,
  type KindCluster,
  type Release,
} from "../../src/testing/kind/index.js";

const preflight = inject("kindPreflight");

describe.skipIf(!preflight.ready)("kind: default scenario", () => {
  const work = mkdtempSync(join(tmpdir(), "fleet-e2e-"));
  const cluster: KindCluster = {
    name: `fleet-e2e-${process.pid}`,
    configPath: join(chartRoot, "tests", "e2e", "kind-config.yaml"),
    kubeconfigPath: join(work, "kubeconfig"),
  };
  const release: Release = { name: "fleet", namespace: "gitlab-runners", kubeconfigPath: cluster.kubeconfigPath };

  beforeAll(async () => {
    await createKindCluster(cluster);
  });

  afterAll(async () => {
    // KEEP_KIND_CLUSTER=1 leaves the cluster for a look after a failure.
    if (process.env.KEEP_KIND_CLUSTER !== "1") await deleteKindCluster(cluster);
    rmSync(work, { recursive: true, force: true });
  });

  it("installs ci/default-values.yaml with --wait and uninstalls it", async () => {
    await helmUpgradeInstall(release, { chart: chartRoot, valuesFiles: [join(chartRoot, "ci", "default-values.yaml")] });
    expect(await helmReleaseStatus(release)).toBe("deployed");
    await helmUninstall(release);
    expect(await helmReleaseStatus(release)).toBeUndefined();
  });
});
