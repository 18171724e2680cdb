// The kind tier: the chart with the real runner image (the chart's default, alpine-v<appVersion>) on a real
// kubelet, against the mock GitLab deployed in the same cluster. What needs a kubelet and the runner is here; the
// values → job pod expectation is a pure function with its own unit tests (tests/unit/e2e/job-pod.test.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import type { Values } from "../../src/generated/values.js";
import { chartRoot } from "../../src/paths.js";
import { NamespaceScope, waitFor, type PodSecurityLevel } from "../../src/testing/cluster/index.js";
import { managerSystemId } from "../../src/testing/e2e/fleet.js";
import { expectedJobPod, jobPodMismatches } from "../../src/testing/e2e/job-pod.js";
import { JOB_POD_SCENARIOS } from "../../src/testing/e2e/scenarios.js";
import { helmUninstall, helmUpgradeInstall } from "../../src/testing/kind/index.js";
import { install, jobPodsOf, managerPodsReady, startE2eCluster, waitForJobPod, type E2eCluster } from "./support.js";

const preflight = inject("kindPreflight");
const ci = (name: string): Partial<Values> =>
  parse(readFileSync(join(chartRoot, "ci", `${name}-values.yaml`), "utf8")) as Partial<Values>;
const JOB_TIMEOUT_MS = 600_000;

describe.skipIf(!preflight.ready)("kind: the chart with the real runner and the mock GitLab in the cluster", () => {
  let e2e: E2eCluster;
  let scope: NamespaceScope;

  beforeAll(async () => {
    e2e = await startE2eCluster();
  });
  afterAll(async () => {
    await e2e?.stop();
  });
  afterEach(async () => {
    await scope?.cleanup(300_000);
  });
  const newScope = (): NamespaceScope => (scope = new NamespaceScope(e2e.kc));

  it("installs with a glrt- token from the admin API; the manager registers its system_id and a job succeeds in an alpine pod", async () => {
    const namespace = await newScope().create("e2e-basic", "baseline");
    const registrationsBefore = (await e2e.control.requests({ endpoint: "runners" })).length;
    const installed = await install(e2e, { release: "basic", namespace, values: ci("default"), tag: "e2e-basic" });
    const runnerId = installed.runnerIds.default ?? 0;
    await managerPodsReady(e2e, installed, 1);
    const systemId = managerSystemId({ namespace, release: "basic", pod: `${installed.statefulSet}-0` });
    await waitFor("the manager in the mock", 120_000, async () => {
      const managers = await e2e.control.managers(runnerId);
      return (
        (managers.length === 1 && managers[0]?.system_id === systemId) ||
        JSON.stringify(managers.map((m) => m.system_id))
      );
    });
    // An authentication token is never registered: the mock saw no POST /runners.
    expect((await e2e.control.requests({ endpoint: "runners" })).length).toBe(registrationsBefore);

    const { id } = await e2e.control.enqueueJob({ script: ['echo "e2e answer $((6 * 7))"'], tags: ["e2e-basic"] });
    const pod = await waitForJobPod(e2e, namespace, "default");
    expect(pod.spec?.containers.find((c) => c.name === "build")?.image).toBe("alpine:3.22");
    const job = await e2e.control.waitForJob(id, (j) => j.state === "success" || j.state === "failed", JOB_TIMEOUT_MS, {
      intervalMs: 1000,
    });
    expect(job.state, job.trace).toBe("success");
    expect(job.system_id).toBe(systemId);
    expect(job.trace).toContain("e2e answer 42");
    await waitFor(
      "the job pod to be deleted",
      120_000,
      async () => (await jobPodsOf(e2e, namespace, "default")).length === 0,
    );
    await helmUninstall(installed.release);
  });

  describe("job pod spec matches the values", () => {
    it.each(JOB_POD_SCENARIOS.map((s) => [s.scenario, s] as const))("%s", async (_, scenario) => {
      const values = scenario.values();
      const release = `pod-${JOB_POD_SCENARIOS.indexOf(scenario)}`;
      const releaseNamespace = `e2e-${release}`;
      const expectations = (values.runners ?? [])
        .filter((r) => (r.executor ?? "kubernetes") === "kubernetes")
        .map((r) =>
          expectedJobPod(values, r.name, {
            releaseNamespace,
            services: r.name === scenario.runner ? scenario.services : 0,
          }),
        );
      const expected = expectations.find((e) => e.runner === scenario.runner);
      if (!expected) throw new Error(`scenario ${scenario.scenario} has no entry ${scenario.runner}`);
      // The release namespace holds managers (restricted) and maybe jobs; job namespaces get the scenario's level.
      const levels = new Map<string, PodSecurityLevel>([[releaseNamespace, "restricted"]]);
      for (const e of expectations)
        levels.set(e.namespace, e.runner === scenario.runner ? scenario.jobNamespaceLevel : "baseline");
      newScope();
      for (const [name, level] of levels) await scope.create(name, level);
      // What the runner checks or mounts before the pod can exist: service account, pull secrets, volumes' sources.
      if (expected.serviceAccountName !== "default")
        await e2e.core.createNamespacedServiceAccount({
          namespace: expected.namespace,
          body: { metadata: { name: expected.serviceAccountName } },
        });
      for (const name of expected.imagePullSecrets) {
        await e2e.core.createNamespacedSecret({
          namespace: expected.namespace,
          body: {
            metadata: { name },
            type: "kubernetes.io/dockerconfigjson",
            stringData: { ".dockerconfigjson": '{"auths":{}}' },
          },
        });
      }
      for (const volume of expected.volumes) {
        if (volume.source === "configMap")
          await e2e.core.createNamespacedConfigMap({
            namespace: expected.namespace,
            body: { metadata: { name: volume.name }, data: { "settings.env": "E2E=1" } },
          });
        if (volume.source === "secret" && !expected.imagePullSecrets.includes(volume.name)) {
          await e2e.core.createNamespacedSecret({
            namespace: expected.namespace,
            body: { metadata: { name: volume.name }, stringData: { ".dockerconfigjson": "{}" } },
          });
        }
      }
      const tag = `e2e-${release}`;
      const installed = await install(e2e, {
        release,
        namespace: releaseNamespace,
        values,
        tag,
        jobRunner: scenario.runner,
      });
      const { id } = await e2e.control.enqueueJob({
        script: ["sleep 600"],
        tags: [tag],
        services: Array.from({ length: scenario.services }, () => "busybox:1.37"),
      });
      const pod = await waitForJobPod(e2e, expected.namespace, scenario.runner);
      expect(jobPodMismatches(expected, pod)).toEqual([]);
      await e2e.control.cancelJob(id, { force: true });
      await helmUninstall(installed.release);
    });
  });

  it("helm upgrade with a changed value while a job runs: the job succeeds and the restarted pod is the same manager", async () => {
    const namespace = await newScope().create("e2e-upgrade", "baseline");
    const values = ci("default");
    const installed = await install(e2e, { release: "upgrade", namespace, values, tag: "e2e-upgrade" });
    const runnerId = installed.runnerIds.default ?? 0;
    const [before] = await managerPodsReady(e2e, installed, 1);
    const systemId = managerSystemId({ namespace, release: "upgrade", pod: `${installed.statefulSet}-0` });
    const { id } = await e2e.control.enqueueJob({ script: ["sleep 40", "echo drained-ok"], tags: ["e2e-upgrade"] });
    await e2e.control.waitForJob(id, (j) => j.state === "running", JOB_TIMEOUT_MS, { intervalMs: 1000 });
    // concurrent is in config.toml: a new checksum, so the StatefulSet rolls the pod while the job runs.
    const changed = join(e2e.work, "upgrade-changed.yaml");
    writeFileSync(changed, "concurrent: 11\n");
    const upgrade = helmUpgradeInstall(installed.release, {
      chart: chartRoot,
      valuesFiles: [installed.valuesFile, changed],
      timeoutSeconds: 900,
    });
    const job = await e2e.control.waitForJob(id, (j) => j.state === "success" || j.state === "failed", JOB_TIMEOUT_MS, {
      intervalMs: 1000,
    });
    expect(job.state, job.trace).toBe("success");
    expect(job.trace).toContain("drained-ok");
    await upgrade;
    const [after] = await managerPodsReady(e2e, installed, 1);
    expect(after?.metadata?.uid).not.toBe(before?.metadata?.uid);
    await waitFor("the restarted manager to contact the mock", 120_000, async () => {
      const managers = await e2e.control.managers(runnerId);
      return (
        (managers.length === 1 && managers[0]?.system_id === systemId && managers[0].contacted_at !== null) ||
        JSON.stringify(managers)
      );
    });
    await helmUninstall(installed.release);
  });

  it("legacy registration with persistence: deleting a pod creates no second runner", async () => {
    const namespace = await newScope().create("e2e-persist", "restricted");
    const values = ci("persistence");
    const installed = await install(e2e, { release: "persist", namespace, values, tag: "e2e-persist" });
    const replicas = values.replicas ?? 1;
    const pods = await managerPodsReady(e2e, installed, replicas);
    const legacyRunners = async () =>
      (await e2e.control.listRunners()).filter(
        (r) => r.registration_type === "registration_token" && r.tag_list.includes("persistent"),
      );
    await waitFor(
      `${replicas} registered runners`,
      120_000,
      async () => (await legacyRunners()).length === replicas || `${(await legacyRunners()).length}`,
    );
    const registrations = (await e2e.control.requests({ endpoint: "runners" })).filter((r) => r.status === 201).length;
    const victim = pods.find((p) => p.metadata?.name === `${installed.statefulSet}-0`);
    await e2e.core.deleteNamespacedPod({ name: `${installed.statefulSet}-0`, namespace });
    await waitFor(
      "pod 0 to come back",
      600_000,
      async () => {
        const pod = await e2e.core
          .readNamespacedPod({ name: `${installed.statefulSet}-0`, namespace })
          .catch(() => undefined);
        return (
          (pod !== undefined &&
            pod.metadata?.uid !== victim?.metadata?.uid &&
            pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true) ||
          "not Ready yet"
        );
      },
      1000,
    );
    expect((await legacyRunners()).length).toBe(replicas);
    expect((await e2e.control.requests({ endpoint: "runners" })).filter((r) => r.status === 201).length).toBe(
      registrations,
    );
    await helmUninstall(installed.release);
  });

  it("helm uninstall while a job runs: the job finishes, the manager is removed, no job pod is left", async () => {
    const namespace = await newScope().create("e2e-uninstall", "baseline");
    const values = { ...ci("default"), lifecycle: { unregisterManagerOnStop: true } } as Partial<Values>;
    const installed = await install(e2e, { release: "gone", namespace, values, tag: "e2e-uninstall" });
    const runnerId = installed.runnerIds.default ?? 0;
    await managerPodsReady(e2e, installed, 1);
    await waitFor("the manager in the mock", 120_000, async () => (await e2e.control.managers(runnerId)).length === 1);
    const { id } = await e2e.control.enqueueJob({
      script: ["sleep 40", "echo finished-before-exit"],
      tags: ["e2e-uninstall"],
    });
    await e2e.control.waitForJob(id, (j) => j.state === "running", JOB_TIMEOUT_MS, { intervalMs: 1000 });
    const removal = helmUninstall(installed.release);
    const job = await e2e.control.waitForJob(id, (j) => j.state === "success" || j.state === "failed", JOB_TIMEOUT_MS, {
      intervalMs: 1000,
    });
    expect(job.state, job.trace).toBe("success");
    expect(job.trace).toContain("finished-before-exit");
    await removal;
    await waitFor(
      "the manager removed from the mock",
      180_000,
      async () => (await e2e.control.managers(runnerId)).length === 0,
    );
    await waitFor("no job pod left", 180_000, async () => (await jobPodsOf(e2e, namespace, "default")).length === 0);
    await waitFor(
      "no manager pod left",
      180_000,
      async () =>
        (await e2e.core.listNamespacedPod({ namespace, labelSelector: "app.kubernetes.io/instance=gone" })).items
          .length === 0,
    );
  });
});
