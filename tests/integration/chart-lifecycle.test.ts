import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppsV1Api, CoreV1Api, type V1Deployment, type V1Service, type V1StatefulSet } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { chartRoot } from "../../src/paths.js";
import {
  APPLY_FLAGS,
  clusterUnavailable,
  helm,
  helmApply,
  KUBERNETES_MINORS,
  NamespaceScope,
  startCluster,
  waitFor,
  type TestCluster,
} from "../../src/testing/cluster/index.js";
import { managerScenarios } from "../unit/chart/scenarios.js";
import { dryRunAdmission, officialChartManagerPod, withRuntimeDefaultSeccomp } from "./support/anchors.js";
import { MAX_REPLICAS, planScenario, type ScenarioPlan } from "../../src/testing/cluster/scenario-plan.js";
import {
  FORBIDDEN_CLUSTER,
  FORBIDDEN_IN_JOB_NAMESPACE,
  FORBIDDEN_OUTSIDE,
  requiredPermissions,
} from "./support/permissions.js";
import {
  applyFixtures,
  deleteClusterFixtures,
  ensureMonitoringCrds,
  expectedPodNames,
  headlessEndpoints,
  managerPods,
  missingObjects,
  permissionMismatches,
  remainingObjects,
  waitForManagers,
  type ManagerPod,
} from "./support/steps.js";

// The full control-plane tier on a current Kubernetes release: every ci/ scenario is installed,
// reviewed, tested, upgraded, scaled and uninstalled on a real API server with kube-controller-
// manager and kube-scheduler (kwok fakes only the nodes and the pods' lifecycle).

const RELEASE = "fleet";
/**
 * Upper bound of a config rollout (helm upgrade --wait, one pod at a time). Measured on 2 busy
 * cores: 2.6–8.1 s per scenario with 5 scenarios at once, 6.5–7.4 s for 3 replicas alone. kwok
 * deletes a terminating pod at once, as an idle manager exits right after SIGTERM (it drains
 * nothing); a busy one takes up to terminationGracePeriodSeconds, which no bound here covers.
 */
const ROLLOUT_BOUND_SECONDS = 45;

const unavailable = await clusterUnavailable("current");
if (unavailable) console.warn(unavailable);

// job-cluster mode installs no managers: tests/integration/job-cluster.test.ts installs it.
const scenarios = managerScenarios();
const measured: Record<string, Record<string, number>> = {};

describe.skipIf(unavailable)(`chart on Kubernetes ${KUBERNETES_MINORS.current} (kwok control plane)`, () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster("current");
  }, 45 * 60_000);
  afterAll(async () => {
    await cluster?.stop();
    if (cluster) printSummary(cluster);
  }, 120_000);

  const failed = () => onTestFailed(() => cluster.markFailed());

  it("serves the pinned Kubernetes version, which helm accepts for the chart's kubeVersion", async () => {
    failed();
    expect(cluster.serverVersion).toMatch(new RegExp(`^v${KUBERNETES_MINORS.current.replace(".", "\\.")}\\.`));
  });

  it("rejects an unknown field on the server (strict field validation is what accepts the chart)", async () => {
    failed();
    const scope = new NamespaceScope(cluster.kc);
    const chart = await mkdtemp(join(tmpdir(), "fleet-strict-"));
    try {
      const ns = await scope.create("it-strict-validation", "restricted");
      await writeFile(join(chart, "Chart.yaml"), "apiVersion: v2\nname: strict\nversion: 0.1.0\n");
      await mkdir(join(chart, "templates"));
      await writeFile(
        join(chart, "templates", "cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndata: { a: b }\ndta: { a: b }\n",
      );
      const install = await helm(cluster, ["install", "strict", chart, "-n", ns, ...APPLY_FLAGS, "--timeout", "1m"]);
      expect(install.exitCode, install.output).not.toBe(0);
      expect(install.output).toMatch(/dta/);
      expect(install.output).toMatch(/field not declared in schema|unknown field/);
    } finally {
      await rm(chart, { recursive: true, force: true });
      await scope.cleanup();
    }
  });

  it("rejects the official chart's manager pod in the restricted namespace, and admits ours there (anchor)", async () => {
    failed();
    const scope = new NamespaceScope(cluster.kc);
    try {
      const ns = await scope.create("it-official-anchor", "restricted");
      const official = officialChartManagerPod(ns);
      const rejection = await dryRunAdmission(cluster.kc, ns, official);
      expect(rejection).toMatch(/^403 .*violates PodSecurity \\?"restricted:latest\\?"/);
      expect(rejection).toMatch(/seccompProfile/);
      // The one missing setting is the whole difference: with it, the same pod is admitted.
      expect(await dryRunAdmission(cluster.kc, ns, withRuntimeDefaultSeccomp(official))).toBe("admitted");
    } finally {
      await scope.cleanup();
    }
  });

  it("accepts the mock GitLab's deploy manifests strictly and admits their pod under restricted", async () => {
    failed();
    const scope = new NamespaceScope(cluster.kc);
    const objects = parseAllDocuments(
      await readFile(join(chartRoot, "deploy", "mock-gitlab", "mock-gitlab.yaml"), "utf8"),
    )
      .map((doc) => doc.toJS() as Record<string, any>)
      .filter((obj) => obj !== null);
    try {
      const ns = await scope.create("it-mock-gitlab", "restricted");
      const strict = { namespace: ns, dryRun: "All", fieldValidation: "Strict" };
      const deployment = objects.find((obj) => obj.kind === "Deployment") as V1Deployment;
      const service = objects.find((obj) => obj.kind === "Service") as V1Service;
      await cluster.kc.makeApiClient(AppsV1Api).createNamespacedDeployment({ ...strict, body: deployment });
      await cluster.kc.makeApiClient(CoreV1Api).createNamespacedService({ ...strict, body: service });
      // Pod Security is enforced on pods, not on their templates: admit the template as a pod.
      const pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "mock-gitlab-admission", namespace: ns },
        spec: deployment.spec?.template.spec,
      };
      await cluster.kc.makeApiClient(CoreV1Api).createNamespacedPod({ ...strict, body: pod });
    } finally {
      await scope.cleanup();
    }
  });

  it.concurrent.for(scenarios)(
    "scenario $name: install under restricted, RBAC reviews, helm test, upgrade, scale 3→1, uninstall",
    { timeout: 6 * 60_000 },
    async ({ name, file, values }, { expect }) => {
      failed();
      const namespace = `it-${name}`;
      const scope = new NamespaceScope(cluster.kc);
      const core = cluster.kc.makeApiClient(CoreV1Api);
      const apps = cluster.kc.makeApiClient(AppsV1Api);
      const times: Record<string, number> = {};
      let owned: Awaited<ReturnType<typeof applyFixtures>> = [];
      try {
        const plan = await planScenario(values, RELEASE, namespace, cluster.serverVersion.replace(/^v/, ""));
        await scope.create(namespace, plan.releaseNamespaceLevel);
        for (const jobNamespace of plan.jobNamespaces) await scope.create(jobNamespace.name, jobNamespace.level);
        owned = await applyFixtures(cluster.kc, plan);
        if (plan.monitoringKinds.length > 0) await ensureMonitoringCrds(cluster);

        // Install: every object accepted by the server, manager pods admitted and Ready.
        const install = await helmApply(cluster, "install", {
          release: RELEASE,
          namespace,
          valuesFile: file,
          timeout: "3m",
        });
        expect(install.exitCode, `helm install: ${install.output}`).toBe(0);
        times.install = install.seconds;
        expect(
          await missingObjects(cluster.kc, plan.objects, namespace),
          "objects of the render missing on the server",
        ).toEqual([]);
        const installed = await waitForManagers(cluster.kc, plan, plan.replicas);
        expect(installed.map((p) => p.name)).toEqual(expectedPodNames(plan, plan.replicas));
        const namespaceLabels = (await core.readNamespace({ name: namespace })).metadata?.labels ?? {};
        expect(namespaceLabels["pod-security.kubernetes.io/enforce"], "release namespace level").toBe(
          plan.releaseNamespaceLevel,
        );
        if (plan.releaseNamespaceLevel !== "restricted") {
          // Privileged jobs share the release namespace here, so its level cannot be restricted;
          // the manager pod itself still has to pass restricted, checked in a namespace of its own.
          const restricted = await scope.create(`${namespace}-restricted`, "restricted");
          const { serviceAccountName: _sa, ...spec } = plan.statefulSet.spec.template.spec as Record<string, unknown>;
          const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "manager", namespace: restricted }, spec };
          await core.createNamespacedPod({ namespace: restricted, body: body as never, dryRun: "All" });
        }

        // What the helm test pod relies on: each manager behind the headless Service by hostname, on the metrics port.
        const endpoints = await headlessEndpoints(cluster.kc, plan);
        expect(endpoints.hostnames).toEqual(expectedPodNames(plan, plan.replicas).sort());
        expect(endpoints.ports).toContain(Number((values as { metricsPort?: number }).metricsPort ?? 9252));

        times.reviews = await checkPermissions(cluster, plan, expect);

        const test = await helm(cluster, ["test", RELEASE, "-n", namespace, "--timeout", "2m"]);
        expect(test.exitCode, `helm test: ${test.output}`).toBe(0);
        expect(test.output).toMatch(/Phase:\s+Succeeded/);

        // Upgrade with a config change: same pod names (the system_id inputs), new pods, new checksum.
        const before = await managerPods(cluster.kc, plan);
        const concurrent = Number((values as { concurrent?: number }).concurrent ?? 10) + 7;
        const upgrade = await helmApply(cluster, "upgrade", {
          release: RELEASE,
          namespace,
          valuesFile: file,
          set: [`concurrent=${concurrent}`],
          timeout: "3m",
        });
        expect(upgrade.exitCode, `helm upgrade: ${upgrade.output}`).toBe(0);
        const after = await waitForManagers(cluster.kc, plan, plan.replicas, ROLLOUT_BOUND_SECONDS * 1000);
        times.upgrade = upgrade.seconds;
        expect(upgrade.seconds, "config rollout time (s)").toBeLessThan(ROLLOUT_BOUND_SECONDS);
        expect(after.map((p) => p.name)).toEqual(before.map((p) => p.name));
        for (const pod of after) {
          const old = before.find((p) => p.name === pod.name) as ManagerPod;
          expect(pod.uid, `${pod.name} replaced`).not.toBe(old.uid);
          expect(pod.annotations["checksum/config"], `${pod.name} checksum/config`).not.toBe(
            old.annotations["checksum/config"],
          );
          expect(pod.annotations["checksum/config"]).toMatch(/^[0-9a-f]{64}$/);
        }

        // Scale 3 → 1: the highest ordinals go, ordinal 0 stays untouched.
        const upTo = await helmApply(cluster, "upgrade", {
          release: RELEASE,
          namespace,
          valuesFile: file,
          set: [`concurrent=${concurrent}`, `replicas=${MAX_REPLICAS}`],
          timeout: "3m",
        });
        expect(upTo.exitCode, `helm upgrade replicas=${MAX_REPLICAS}: ${upTo.output}`).toBe(0);
        const three = await waitForManagers(cluster.kc, plan, MAX_REPLICAS);
        const template = (await apps.readNamespacedStatefulSet({ name: plan.statefulSet.metadata.name, namespace }))
          .spec?.template;
        const down = await helmApply(cluster, "upgrade", {
          release: RELEASE,
          namespace,
          valuesFile: file,
          set: [`concurrent=${concurrent}`, "replicas=1"],
          timeout: "3m",
        });
        expect(down.exitCode, `helm upgrade replicas=1: ${down.output}`).toBe(0);
        times.scaleDown = down.seconds;
        const one = await waitForManagers(cluster.kc, plan, 1);
        expect(one.map((p) => p.name)).toEqual(expectedPodNames(plan, 1));
        const sts: V1StatefulSet = await apps.readNamespacedStatefulSet({
          name: plan.statefulSet.metadata.name,
          namespace,
        });
        if (JSON.stringify(sts.spec?.template) === JSON.stringify(template)) {
          expect(one[0]?.uid, "ordinal 0 kept its pod while scaling down").toBe(three[0]?.uid);
        }

        // Uninstall: nothing the release created is left (claims only when the StatefulSet keeps them).
        const uninstall = await helm(cluster, ["uninstall", RELEASE, "-n", namespace, "--wait", "--timeout", "2m"]);
        expect(uninstall.exitCode, `helm uninstall: ${uninstall.output}`).toBe(0);
        expect(await remainingObjects(cluster.kc, plan.objects, namespace), "objects left after uninstall").toEqual([]);
        await waitFor("manager pods gone", 60_000, async () => (await managerPods(cluster.kc, plan)).length === 0);
        expect(await leftovers(cluster, plan), "objects of the release left after uninstall").toEqual([]);
        measured[name] = { ...times, checks: expect.getState().assertionCalls };
      } finally {
        await scope.cleanup();
        await deleteClusterFixtures(cluster.kc, owned);
      }
    },
  );
});

/** SubjectAccessReviews as the manager's ServiceAccount: the runner's table allowed, the rest denied. */
async function checkPermissions(
  cluster: TestCluster,
  plan: ScenarioPlan,
  expect: typeof import("vitest").expect,
): Promise<number> {
  const sa = { name: plan.serviceAccount, namespace: plan.namespace };
  const jobNamespaces = [
    ...(plan.releaseNamespaceRunners.length > 0
      ? [{ name: plan.namespace, runners: plan.releaseNamespaceRunners }]
      : []),
    ...plan.jobNamespaces,
  ];
  const required = jobNamespaces.flatMap(({ name, runners }) =>
    requiredPermissions(runners).map((permission) => ({ permission, namespace: name })),
  );
  expect(required.length > 0 || plan.remoteRunners.length > 0, "a scenario with neither local nor remote jobs").toBe(
    true,
  );
  expect(
    await permissionMismatches(cluster.kc, sa, required, true),
    "denied but needed by the kubernetes executor",
  ).toEqual([]);

  const jobNamespaceNames = new Set(jobNamespaces.map((n) => n.name));
  const elsewhere = ["default", "kube-system", ...(jobNamespaceNames.has(plan.namespace) ? [] : [plan.namespace])];
  const forbidden = [
    ...[...jobNamespaceNames].flatMap((namespace) =>
      FORBIDDEN_IN_JOB_NAMESPACE.map((permission) => ({ permission, namespace })),
    ),
    ...elsewhere.flatMap((namespace) => FORBIDDEN_OUTSIDE.map((permission) => ({ permission, namespace }))),
    ...FORBIDDEN_CLUSTER.map((permission) => ({ permission })),
  ];
  expect(await permissionMismatches(cluster.kc, sa, forbidden, false), "allowed but must be denied").toEqual([]);
  return required.length + forbidden.length;
}

/** Anything labelled with the release in its namespaces, and helm's release records. */
async function leftovers(cluster: TestCluster, plan: ScenarioPlan): Promise<string[]> {
  const core = cluster.kc.makeApiClient(CoreV1Api);
  const apps = cluster.kc.makeApiClient(AppsV1Api);
  const selector = `app.kubernetes.io/instance=${plan.release}`;
  const keepsClaims = plan.statefulSet.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted !== "Delete";
  const claimPrefixes = (plan.statefulSet.spec.volumeClaimTemplates ?? []).map(
    (c) => `${c.metadata.name}-${plan.statefulSet.metadata.name}-`,
  );
  const found: string[] = [];
  for (const namespace of [plan.namespace, ...plan.jobNamespaces.map((n) => n.name)]) {
    const lists = await Promise.all([
      core
        .listNamespacedPod({ namespace, labelSelector: selector })
        .then((l) => l.items.map((o) => `Pod/${o.metadata?.name}`)),
      core
        .listNamespacedConfigMap({ namespace, labelSelector: selector })
        .then((l) => l.items.map((o) => `ConfigMap/${o.metadata?.name}`)),
      core
        .listNamespacedSecret({ namespace })
        .then((l) =>
          l.items
            .filter(
              (o) =>
                o.metadata?.labels?.["app.kubernetes.io/instance"] === plan.release ||
                (o.metadata?.labels?.owner === "helm" && o.metadata.labels.name === plan.release),
            )
            .map((o) => `Secret/${o.metadata?.name}`),
        ),
      core
        .listNamespacedServiceAccount({ namespace, labelSelector: selector })
        .then((l) => l.items.map((o) => `ServiceAccount/${o.metadata?.name}`)),
      core
        .listNamespacedService({ namespace, labelSelector: selector })
        .then((l) => l.items.map((o) => `Service/${o.metadata?.name}`)),
      apps
        .listNamespacedControllerRevision({ namespace, labelSelector: selector })
        .then((l) => l.items.map((o) => `ControllerRevision/${o.metadata?.name}`)),
      core.listNamespacedPersistentVolumeClaim({ namespace }).then((l) =>
        l.items
          .map((o) => o.metadata?.name ?? "")
          .filter((n) => !(keepsClaims && claimPrefixes.some((p) => n.startsWith(p))))
          .map((n) => `PersistentVolumeClaim/${n}`),
      ),
    ]);
    found.push(...lists.flat().map((id) => `${namespace}: ${id}`));
  }
  return found;
}

function printSummary(cluster: TestCluster): void {
  const rows = Object.entries(measured).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return;
  const checks = rows.reduce((sum, [, m]) => sum + (m.checks ?? 0), 0);
  const reviews = rows.reduce((sum, [, m]) => sum + (m.reviews ?? 0), 0);
  console.log(
    [
      `control-plane tier on ${cluster.serverVersion} (${cluster.kind}, started in ${cluster.startSeconds.toFixed(1)} s): ${rows.length} scenarios, ${checks} assertions, ${reviews} SubjectAccessReviews`,
      ...rows.map(
        ([name, m]) =>
          `  ${name}: install ${m.install?.toFixed(1)} s, config rollout ${m.upgrade?.toFixed(1)} s, scale-down ${m.scaleDown?.toFixed(1)} s, ${m.checks} assertions, ${m.reviews} reviews`,
      ),
    ].join("\n"),
  );
}
