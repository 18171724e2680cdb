import { afterAll, beforeAll, describe, it, onTestFailed } from "vitest";
import {
  clusterUnavailable,
  EXISTING_CLUSTER_ENV,
  helm,
  helmApply,
  KUBERNETES_MINORS,
  NamespaceScope,
  startCluster,
  type TestCluster,
} from "../../src/testing/cluster/index.js";
import { managerScenarios } from "../unit/chart/scenarios.js";
import { dryRunAdmission, officialChartManagerPod } from "./support/anchors.js";
import { planScenario } from "../../src/testing/cluster/scenario-plan.js";
import {
  applyFixtures,
  deleteClusterFixtures,
  ensureMonitoringCrds,
  expectedPodNames,
  missingObjects,
  remainingObjects,
  waitForManagers,
} from "./support/steps.js";

// The chart's kubeVersion floor (Chart.yaml ">=1.27.0-0"), as a smoke set: every scenario
// installs (objects and field names of 1.27's API, Pod Security "restricted" of 1.27) and its
// managers become Ready; then it uninstalls. Behaviour that does not depend on the release
// (RBAC reviews, rollouts, helm test) runs once, on the current release, to keep the tier's time.

// An existing cluster (FLEET_TEST_KUBECONFIG) has one version: the full tier runs there once.
const unavailable = process.env[EXISTING_CLUSTER_ENV]
  ? `floor smoke set skipped: ${EXISTING_CLUSTER_ENV} is set, the tier runs once against that cluster`
  : await clusterUnavailable("floor");
// One line per reason: chart-lifecycle.test.ts prints it when both tracks skip for the same one.
if (unavailable && (process.env[EXISTING_CLUSTER_ENV] || !(await clusterUnavailable("current"))))
  console.warn(unavailable);
// job-cluster mode installs no managers: tests/integration/job-cluster.test.ts installs it.
const scenarios = managerScenarios();

describe.skipIf(unavailable)(`chart on Kubernetes ${KUBERNETES_MINORS.floor}, the kubeVersion floor (smoke)`, () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster("floor");
    console.log(
      `control-plane tier: ${cluster.serverVersion} (${cluster.kind}) started in ${cluster.startSeconds.toFixed(1)} s`,
    );
  }, 45 * 60_000);
  afterAll(() => cluster?.stop(), 120_000);

  it("rejects the official chart's manager pod under restricted here too (anchor)", async ({ expect }) => {
    onTestFailed(() => cluster.markFailed());
    const scope = new NamespaceScope(cluster.kc);
    try {
      const ns = await scope.create("floor-official-anchor", "restricted");
      const answer = await dryRunAdmission(cluster.kc, ns, officialChartManagerPod(ns));
      expect(answer).toMatch(/^403 .*violates PodSecurity.*seccompProfile/);
    } finally {
      await scope.cleanup();
    }
  });

  it.concurrent.for(scenarios)(
    "scenario $name installs, becomes Ready and uninstalls",
    { timeout: 5 * 60_000 },
    async ({ name, file, values }, { expect }) => {
      onTestFailed(() => cluster.markFailed());
      const namespace = `floor-${name}`;
      const scope = new NamespaceScope(cluster.kc);
      let owned: Awaited<ReturnType<typeof applyFixtures>> = [];
      try {
        const plan = await planScenario(values, "fleet", namespace, cluster.serverVersion.replace(/^v/, ""));
        await scope.create(namespace, plan.releaseNamespaceLevel);
        for (const jobNamespace of plan.jobNamespaces) await scope.create(`${jobNamespace.name}`, jobNamespace.level);
        owned = await applyFixtures(cluster.kc, plan);
        if (plan.monitoringKinds.length > 0) await ensureMonitoringCrds(cluster);
        const install = await helmApply(cluster, "install", {
          release: "fleet",
          namespace,
          valuesFile: file,
          timeout: "3m",
        });
        expect(install.exitCode, `helm install: ${install.output}`).toBe(0);
        expect(await missingObjects(cluster.kc, plan.objects, namespace)).toEqual([]);
        const pods = await waitForManagers(cluster.kc, plan, plan.replicas);
        expect(pods.map((p) => p.name)).toEqual(expectedPodNames(plan, plan.replicas));
        const uninstall = await helm(cluster, ["uninstall", "fleet", "-n", namespace, "--wait", "--timeout", "2m"]);
        expect(uninstall.exitCode, `helm uninstall: ${uninstall.output}`).toBe(0);
        expect(await remainingObjects(cluster.kc, plan.objects, namespace)).toEqual([]);
      } finally {
        await scope.cleanup();
        await deleteClusterFixtures(cluster.kc, owned);
      }
    },
  );
});
