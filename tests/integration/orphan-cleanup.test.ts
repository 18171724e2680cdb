import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BatchV1Api, CoreV1Api, type V1CronJob, type V1Pod } from "@kubernetes/client-node";
import { execa } from "execa";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { configTomlOf, renderChart } from "../../src/testing/render.js";
import {
  clusterUnavailable,
  helmApply,
  kubectlBinary,
  KUBERNETES_MINORS,
  NamespaceScope,
  startCluster,
  statusOf,
  waitFor,
  type TestCluster,
} from "../../src/testing/cluster/index.js";
import { permissionMismatches } from "./support/steps.js";

// The orphan cleanup on a real API server (kwok fakes the pods' lifecycle, so the CronJob's
// container never really runs): the script the installed CronJob would run is taken from the
// installed ConfigMap and run here with kubectl, with the CronJob's own environment, as the
// CronJob's ServiceAccount (a TokenRequest token), so its Roles are what is tested. Two manager
// replicas: job pods are judged by the replica named in their manager label, whatever the other does.

const RELEASE = "fleet";
const NAMESPACE = "it-orphan-cleanup";
const JOB_NAMESPACE = "it-orphan-cleanup-jobs";
const NAME = "fleet-gitlab-runner-fleet-orphan-cleanup";
/** orphanCleanup.jobTimeoutSeconds + graceSeconds below. */
const MIN_AGE_SECONDS = 60;
const MANAGER_LABEL = "gitlab-runner-fleet/manager";
/** The StatefulSet's pods: the entrypoint writes its pod's name into the manager label. */
const MANAGER_0 = "fleet-gitlab-runner-fleet-0";
const MANAGER_1 = "fleet-gitlab-runner-fleet-1";
const MANAGER_SELECTOR = "app.kubernetes.io/instance=fleet,app.kubernetes.io/name=gitlab-runner-fleet";

const values = {
  gitlabUrl: "https://gitlab.example.com",
  replicas: 2,
  runners: [
    { name: "default", token: { value: "glrt-FAKEORPHANDEFAULT0000" } },
    { name: "far", token: { value: "glrt-FAKEORPHANFAR00000000" }, kubernetes: { namespace: JOB_NAMESPACE } },
  ],
  orphanCleanup: { enabled: true, jobTimeoutSeconds: MIN_AGE_SECONDS, graceSeconds: 0 },
};

const unavailable = await clusterUnavailable("current");
if (unavailable) console.warn(unavailable);

const epochOf = (pod: V1Pod): number => Math.floor(new Date(pod.metadata!.creationTimestamp!).getTime() / 1000);

describe.skipIf(unavailable)(
  `orphan job pod cleanup on Kubernetes ${KUBERNETES_MINORS.current} (kwok control plane)`,
  () => {
    let cluster: TestCluster;
    let core: CoreV1Api;
    const scope = { current: undefined as NamespaceScope | undefined };
    let work: string;

    beforeAll(async () => {
      cluster = await startCluster("current");
      core = cluster.kc.makeApiClient(CoreV1Api);
      work = await mkdtemp(join(tmpdir(), "fleet-orphan-"));
    }, 45 * 60_000);
    afterAll(async () => {
      await scope.current?.cleanup();
      if (work) await rm(work, { recursive: true, force: true });
      await cluster?.stop();
    }, 180_000);

    /**
     * A job pod as the runner makes it (executors/kubernetes/kubernetes.go at the pinned runner
     * commit: buildLabels, lines 2426–2443; buildPodAnnotations, lines 2489–2498), plus `extra`
     * labels (the pod_labels of the entry's config.toml). Restricted, so any test namespace admits it.
     */
    const jobPod = (
      namespace: string,
      name: string,
      entry: string,
      jobId: number,
      extra: Record<string, string>,
    ): V1Pod => {
      const unique = `runner-fake1234-project-42-concurrent-${jobId % 10}`;
      return {
        metadata: {
          name,
          namespace,
          labels: {
            pod: unique,
            "project.runner.gitlab.com/id": "42",
            "project.runner.gitlab.com/name": "app",
            "job.runner.gitlab.com/pod": unique,
            "manager.runner.gitlab.com/name": entry,
            "manager.runner.gitlab.com/id-short": "fake1234",
            ...extra,
          },
          annotations: {
            "job.runner.gitlab.com/id": String(jobId),
            "job.runner.gitlab.com/timeout": "1h0m0s",
            "project.runner.gitlab.com/id": "42",
          },
        },
        spec: {
          restartPolicy: "Never",
          securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "build",
              image: "alpine:3.22",
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      };
    };

    /** The registry-credentials Secret the runner makes for a job, owned by its pod (kubernetes.go:2218–2227, 3028–3054). */
    const ownedSecret = async (pod: V1Pod): Promise<string> => {
      const name = `${pod.metadata!.name}-creds`;
      await core.createNamespacedSecret({
        namespace: pod.metadata!.namespace!,
        body: {
          metadata: {
            name,
            ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: pod.metadata!.name!, uid: pod.metadata!.uid! }],
          },
          type: "kubernetes.io/dockercfg",
          data: { ".dockercfg": Buffer.from("{}").toString("base64") },
        },
      });
      return name;
    };

    const exists = async (kind: "pod" | "secret" | "configmap", namespace: string, name: string): Promise<boolean> => {
      const read = {
        pod: () => core.readNamespacedPod({ name, namespace }),
        secret: () => core.readNamespacedSecret({ name, namespace }),
        configmap: () => core.readNamespacedConfigMap({ name, namespace }),
      }[kind];
      return read().then(
        () => true,
        (error: unknown) => {
          if (statusOf(error) === 404) return false;
          throw error;
        },
      );
    };

    /** When manager pod `name`'s gitlab-runner container started running (epoch seconds), undefined while it does not run. */
    const managerStart = async (name: string): Promise<{ uid: string; started?: number }> => {
      const pod = await core.readNamespacedPod({ name, namespace: NAMESPACE });
      const started = pod.status?.containerStatuses?.find((s) => s.name === "gitlab-runner")?.state?.running?.startedAt;
      return {
        uid: pod.metadata!.uid!,
        started: started === undefined ? undefined : Math.floor(new Date(started).getTime() / 1000),
      };
    };

    it(
      "deletes only this release's job pods older than the bound whose own manager is gone or restarted, with their Secret and overlay ConfigMap",
      { timeout: 10 * 60_000 },
      async () => {
        onTestFailed(() => cluster.markFailed());
        const namespaces = new NamespaceScope(cluster.kc);
        scope.current = namespaces;
        await namespaces.create(NAMESPACE, "restricted");
        await namespaces.create(JOB_NAMESPACE, "restricted");

        // The labels the chart's config.toml asks the runner to add, from the render of these values.
        const valuesFile = join(work, "values.yaml");
        await writeFile(valuesFile, stringify(values));
        const { objects } = await renderChart(values, { helm: 4, releaseName: RELEASE, namespace: NAMESPACE });
        const config = configTomlOf(objects) as {
          runners: { name: string; kubernetes: { pod_labels: Record<string, string> } }[];
        };
        const chartLabels = config.runners.find((r) => r.name === "far")!.kubernetes.pod_labels;
        expect(chartLabels).toEqual(config.runners.find((r) => r.name === "default")!.kubernetes.pod_labels);
        expect(Object.keys(chartLabels).sort()).toEqual([
          MANAGER_LABEL,
          "gitlab-runner-fleet/release",
          "gitlab-runner-fleet/release-namespace",
        ]);
        // kwok runs no entrypoint: the manager label gets the pod's name here, as the entrypoint would
        // put it in place of the chart's token (tests/unit/entrypoint/pod-name-label.test.ts).
        const releaseLabels = Object.fromEntries(Object.entries(chartLabels).filter(([key]) => key !== MANAGER_LABEL));
        const by = (manager: string) => ({ ...releaseLabels, [MANAGER_LABEL]: manager });

        // Job pods of managers killed before the current ones started: created before the install.
        const create = async (pod: V1Pod) =>
          core.createNamespacedPod({ namespace: pod.metadata!.namespace!, body: pod });
        const orphanFar = await create(jobPod(JOB_NAMESPACE, "orphan-far", "far", 1001, by(MANAGER_0)));
        const orphanFarSecret = await ownedSecret(orphanFar);
        await core.createNamespacedConfigMap({
          namespace: JOB_NAMESPACE,
          body: { metadata: { name: "gl-runner-overlay-1001" }, data: { "entrypoint.sh": "#!/bin/sh\n" } },
        });
        const orphanHere = await create(jobPod(NAMESPACE, "orphan-here", "default", 1002, by(MANAGER_1)));
        const orphanHereSecret = await ownedSecret(orphanHere);
        // Just as old and unmanaged, but not this release's: another release's labels, or none at all.
        await create(
          jobPod(JOB_NAMESPACE, "other-release", "far", 1003, {
            "gitlab-runner-fleet/release": "other",
            "gitlab-runner-fleet/release-namespace": NAMESPACE,
            [MANAGER_LABEL]: MANAGER_0,
          }),
        );
        await create(jobPod(JOB_NAMESPACE, "unlabelled", "far", 1004, {}));
        await core.createNamespacedConfigMap({
          namespace: JOB_NAMESPACE,
          body: { metadata: { name: "gl-runner-overlay-1003" }, data: { "entrypoint.sh": "#!/bin/sh\n" } },
        });
        // creation times and container start times have whole seconds: the manager starts later
        await sleep(2_100);

        const install = await helmApply(cluster, "install", {
          release: RELEASE,
          namespace: NAMESPACE,
          valuesFile,
          timeout: "3m",
        });
        expect(install.exitCode, install.output).toBe(0);
        await waitFor("both managers' gitlab-runner containers to run", 120_000, async () => {
          const pods = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: MANAGER_SELECTOR });
          const started = pods.items
            .flatMap((pod) => pod.status?.containerStatuses ?? [])
            .filter((s) => s.name === "gitlab-runner" && s.state?.running?.startedAt);
          return started.length === 2 || `${pods.items.length} manager pods, ${started.length} running`;
        });
        const manager0 = await managerStart(MANAGER_0);
        await sleep(1_100);
        // Job pods of both running managers, and one naming a replica that no longer exists (scaled
        // away): the old rule (any manager running since before) kept all three.
        const managed = await create(jobPod(JOB_NAMESPACE, "managed", "far", 1005, by(MANAGER_0)));
        const managedSecret = await ownedSecret(managed);
        const ofRestarted = await create(jobPod(JOB_NAMESPACE, "of-restarted", "far", 1007, by(MANAGER_1)));
        const ofRestartedSecret = await ownedSecret(ofRestarted);
        await create(jobPod(NAMESPACE, "of-deleted-replica", "default", 1008, by("fleet-gitlab-runner-fleet-2")));
        // This release's labels but no manager label: nothing names its manager.
        await create(jobPod(JOB_NAMESPACE, "no-manager-label", "far", 1009, releaseLabels));
        await sleep(1_100);
        // Manager 1 is killed and comes back as a new process with the same name (the StatefulSet
        // recreates the pod), while manager 0 keeps running.
        const before1 = await managerStart(MANAGER_1);
        await core.deleteNamespacedPod({ name: MANAGER_1, namespace: NAMESPACE, gracePeriodSeconds: 0 });
        await waitFor("manager 1 to run again as a new pod", 120_000, async () => {
          const now1 = await managerStart(MANAGER_1).catch(() => undefined);
          return (now1 !== undefined && now1.uid !== before1.uid && now1.started !== undefined) || "not yet";
        });
        const manager1 = await managerStart(MANAGER_1);
        expect(manager1.started!).toBeGreaterThan(epochOf(ofRestarted));
        expect(await managerStart(MANAGER_0)).toEqual(manager0);
        expect(manager0.started!).toBeLessThan(epochOf(ofRestarted));
        await sleep(1_100);
        // One younger than the bound: created last.
        const young = await create(jobPod(NAMESPACE, "young", "default", 1006, by(MANAGER_1)));
        expect(epochOf(young) - epochOf(orphanFar)).toBeGreaterThan(2);

        // The CronJob's script, environment and ServiceAccount as installed.
        const cronJob: V1CronJob = await cluster.kc
          .makeApiClient(BatchV1Api)
          .readNamespacedCronJob({ name: NAME, namespace: NAMESPACE });
        const podSpec = cronJob.spec!.jobTemplate.spec!.template.spec!;
        const container = podSpec.containers[0]!;
        const scriptKey = podSpec.volumes!.find((v) => v.name === "scripts")!.configMap!.items![0]!.key;
        const configMap = await core.readNamespacedConfigMap({
          name: podSpec.volumes!.find((v) => v.name === "scripts")!.configMap!.name!,
          namespace: NAMESPACE,
        });
        const script = join(work, scriptKey);
        await writeFile(script, configMap.data![scriptKey]!);
        expect(container.command).toEqual(["/bin/sh", `/opt/gitlab-runner-fleet/${scriptKey}`]);
        const cronEnv = Object.fromEntries(container.env!.map((v) => [v.name, v.value ?? ""]));
        expect(cronEnv).toMatchObject({
          JOB_NAMESPACES: `${NAMESPACE} ${JOB_NAMESPACE}`,
          MIN_AGE_SECONDS: String(MIN_AGE_SECONDS),
          DRY_RUN: "false",
          MANAGER_LABEL,
        });

        const token = await core.createNamespacedServiceAccountToken({
          name: podSpec.serviceAccountName!,
          namespace: NAMESPACE,
          body: { spec: { audiences: [], expirationSeconds: 600 } },
        });
        const server = cluster.kc.getCurrentCluster()!;
        const kubeconfig = join(work, "sa-kubeconfig.yaml");
        await writeFile(
          kubeconfig,
          stringify({
            apiVersion: "v1",
            kind: "Config",
            clusters: [
              {
                name: "c",
                cluster: {
                  server: server.server,
                  ...(server.caData ? { "certificate-authority-data": server.caData } : {}),
                  ...(server.caFile ? { "certificate-authority": server.caFile } : {}),
                  ...(server.skipTLSVerify ? { "insecure-skip-tls-verify": true } : {}),
                },
              },
            ],
            users: [{ name: "sa", user: { token: token.status!.token } }],
            contexts: [{ name: "sa", context: { cluster: "c", user: "sa" } }],
            "current-context": "sa",
          }),
        );
        // "now" is the young pod's creation plus the bound: it is exactly as old as the bound, every other pod older.
        const run = async (extra: Record<string, string>) =>
          execa("/bin/sh", [script], {
            env: {
              ...cronEnv,
              HOME: work,
              KUBECONFIG: kubeconfig,
              KUBECTL: kubectlBinary(),
              FLEET_CLEANUP_NOW: String(epochOf(young) + MIN_AGE_SECONDS),
              ...extra,
            },
            extendEnv: false,
            all: true,
            reject: false,
          });

        const dry = await run({ DRY_RUN: "true" });
        expect(dry.exitCode, dry.all).toBe(0);
        expect(dry.all).toContain(`dry run: would delete pod ${JOB_NAMESPACE}/orphan-far`);
        expect(dry.all).toContain(`dry run: would delete configmap ${JOB_NAMESPACE}/gl-runner-overlay-1001`);
        expect(dry.all).toContain(`dry run: would delete pod ${NAMESPACE}/orphan-here`);
        expect(dry.all).toContain(`dry run: would delete pod ${JOB_NAMESPACE}/of-restarted`);
        expect(dry.all).toContain(`dry run: would delete pod ${NAMESPACE}/of-deleted-replica`);
        expect(dry.all).not.toMatch(/would delete pod .*\/(managed|young|other-release|unlabelled|no-manager-label)\b/);
        for (const [kind, ns, name] of [
          ["pod", JOB_NAMESPACE, "orphan-far"],
          ["pod", NAMESPACE, "orphan-here"],
          ["pod", JOB_NAMESPACE, "of-restarted"],
          ["configmap", JOB_NAMESPACE, "gl-runner-overlay-1001"],
        ] as const) {
          expect(await exists(kind, ns, name), `${kind} ${ns}/${name} after the dry run`).toBe(true);
        }

        const real = await run({});
        expect(real.exitCode, real.all).toBe(0);
        expect(real.all).toContain(
          `kept pod ${JOB_NAMESPACE}/managed: its manager ${MANAGER_0} has been running since before it was created`,
        );
        expect(real.all).toMatch(
          new RegExp(`orphan pod ${JOB_NAMESPACE}/of-restarted: \\d+s old and its manager ${MANAGER_1} restarted at `),
        );
        expect(real.all).toMatch(
          new RegExp(
            `orphan pod ${NAMESPACE}/of-deleted-replica: \\d+s old and its manager fleet-gitlab-runner-fleet-2 is gone`,
          ),
        );
        expect(real.all).toContain(
          `kept pod ${JOB_NAMESPACE}/no-manager-label: no ${MANAGER_LABEL} label names its manager`,
        );
        expect(real.all).toContain(
          `kept pod ${NAMESPACE}/young: ${MIN_AGE_SECONDS}s old, not older than ${MIN_AGE_SECONDS}s`,
        );
        const gone: [kind: "pod" | "secret" | "configmap", namespace: string, name: string][] = [
          ["pod", JOB_NAMESPACE, "orphan-far"],
          ["secret", JOB_NAMESPACE, orphanFarSecret],
          ["configmap", JOB_NAMESPACE, "gl-runner-overlay-1001"],
          ["pod", NAMESPACE, "orphan-here"],
          ["secret", NAMESPACE, orphanHereSecret],
          ["pod", JOB_NAMESPACE, "of-restarted"],
          ["secret", JOB_NAMESPACE, ofRestartedSecret],
          ["pod", NAMESPACE, "of-deleted-replica"],
        ];
        // the Secrets go with their pods through the garbage collector, as they would on any cluster
        await waitFor("the orphans and their Secrets and ConfigMap to be deleted", 120_000, async () => {
          const left = [];
          for (const [kind, ns, name] of gone) if (await exists(kind, ns, name)) left.push(`${kind} ${ns}/${name}`);
          return left.length === 0 || `still there: ${left.join(", ")}`;
        });
        const kept: [kind: "pod" | "secret" | "configmap", namespace: string, name: string][] = [
          ["pod", JOB_NAMESPACE, "managed"],
          ["secret", JOB_NAMESPACE, managedSecret],
          ["pod", NAMESPACE, "young"],
          ["pod", JOB_NAMESPACE, "other-release"],
          ["pod", JOB_NAMESPACE, "unlabelled"],
          ["pod", JOB_NAMESPACE, "no-manager-label"],
          ["configmap", JOB_NAMESPACE, "gl-runner-overlay-1003"],
        ];
        for (const [kind, ns, name] of kept)
          expect(await exists(kind, ns, name), `${kind} ${ns}/${name} is kept`).toBe(true);
      },
    );

    it("gives the CronJob's ServiceAccount exactly what the script uses, and Secrets not at all", async () => {
      onTestFailed(() => cluster.markFailed());
      const sa = { name: NAME, namespace: NAMESPACE };
      const pods = { group: "", resource: "pods" };
      const granted = [
        ...[NAMESPACE, JOB_NAMESPACE].flatMap((namespace) => [
          { permission: { ...pods, verb: "list" }, namespace },
          { permission: { ...pods, verb: "delete" }, namespace },
          { permission: { group: "", resource: "configmaps", verb: "delete" }, namespace },
        ]),
      ];
      expect(await permissionMismatches(cluster.kc, sa, granted, true), "denied but used by the script").toEqual([]);
      const denied = [
        ...[NAMESPACE, JOB_NAMESPACE].flatMap((namespace) => [
          ...["get", "list", "delete"].map((verb) => ({
            permission: { group: "", resource: "secrets", verb },
            namespace,
          })),
          ...["get", "list"].map((verb) => ({ permission: { group: "", resource: "configmaps", verb }, namespace })),
          ...["create", "patch", "watch"].map((verb) => ({ permission: { ...pods, verb }, namespace })),
          { permission: { group: "apps", resource: "statefulsets", verb: "delete" }, namespace },
        ]),
        { permission: { ...pods, verb: "list" }, namespace: "default" },
        { permission: { ...pods, verb: "delete" }, namespace: "default" },
      ];
      expect(await permissionMismatches(cluster.kc, sa, denied, false), "allowed but not needed").toEqual([]);
    });

    it("runs the CronJob's pod in a namespace enforcing Pod Security restricted", { timeout: 3 * 60_000 }, async () => {
      onTestFailed(() => cluster.markFailed());
      const batch = cluster.kc.makeApiClient(BatchV1Api);
      const cronJob = await batch.readNamespacedCronJob({ name: NAME, namespace: NAMESPACE });
      // What `kubectl create job --from=cronjob/…` does: the Job controller creates the pod, and
      // admission (restricted, enforced on NAMESPACE) decides whether it may.
      const job = await batch.createNamespacedJob({
        namespace: NAMESPACE,
        body: { metadata: { name: "orphan-cleanup-now" }, spec: cronJob.spec!.jobTemplate.spec },
      });
      let refused = "";
      await waitFor("the Job controller to create the cleanup pod or be refused", 120_000, async () => {
        const pods = await core.listNamespacedPod({
          namespace: NAMESPACE,
          labelSelector: `batch.kubernetes.io/job-name=${job.metadata!.name}`,
        });
        if (pods.items.length > 0) return true;
        const events = await core.listNamespacedEvent({
          namespace: NAMESPACE,
          fieldSelector: `involvedObject.name=${job.metadata!.name}`,
        });
        refused = events.items
          .filter((e) => e.reason === "FailedCreate")
          .map((e) => e.message)
          .join("; ");
        return refused !== "" || "no pod yet";
      });
      expect(refused).toBe("");
    });
  },
);
