// The real kubernetes executor, configured by the chart's external-cluster settings (host, CA file and bearer
// token in [runners.kubernetes]), creating job pods on the control-plane tier's API server. kwok marks the pods
// Running but runs no container, so the job itself cannot complete: what is asserted is the pod the runner asked
// the API server for, against the same values → pod expectation the kind tier uses.
import { readFileSync } from "node:fs";
import { CoreV1Api, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Values } from "../../src/generated/values.js";
import { startMockGitLab, type MockGitLab } from "../../src/mock-gitlab/index.js";
import {
  clusterUnavailable,
  NamespaceScope,
  startCluster,
  waitFor,
  type TestCluster,
} from "../../src/testing/cluster/index.js";
import { expectedJobPod, jobPodMismatches } from "../../src/testing/e2e/job-pod.js";
import { JOB_POD_SCENARIOS } from "../../src/testing/e2e/scenarios.js";
import { LocalPod, NAMESPACE } from "./support.js";

const bin = inject("gitlabRunnerBin");
const unavailable = bin === null ? undefined : await clusterUnavailable("current");
if (unavailable) {
  if (process.env.RUNNER_TIER_REQUIRED === "1")
    throw new Error(`runner tier required by RUNNER_TIER_REQUIRED=1, but ${unavailable}`);
  process.stderr.write(`runner tier (kubernetes executor) skipped: ${unavailable}\n`);
}

const JOB_NAMESPACE = "runner-tier-jobs";
const SERVICE_ACCOUNT = "external-runner";

describe.skipIf(bin === null || unavailable !== undefined)(
  "the real kubernetes executor on the control-plane tier's API server",
  () => {
    let cluster: TestCluster;
    let scope: NamespaceScope;
    let mock: MockGitLab;
    let pod: LocalPod;

    beforeAll(async () => {
      cluster = await startCluster("current");
      scope = new NamespaceScope(cluster.kc);
      mock = await startMockGitLab({ longPollMs: 0 });
      pod = new LocalPod(bin ?? "gitlab-runner", mock);
    });
    afterAll(async () => {
      await pod?.cleanup();
      await mock?.close();
      await scope?.cleanup();
      await cluster?.stop();
    });

    it.each(JOB_POD_SCENARIOS.map((s) => [s.scenario, s] as const))(
      "creates the job pod of %s with the fields the values ask for",
      async (name, scenario) => {
        const namespace = await scope.create(
          `${JOB_NAMESPACE}-${JOB_POD_SCENARIOS.indexOf(scenario)}`,
          scenario.jobNamespaceLevel,
        );
        const core = cluster.kc.makeApiClient(CoreV1Api);
        // The external cluster's credentials: a ServiceAccount bound to "admin" in the job namespace, a short token.
        await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: SERVICE_ACCOUNT } } });
        await cluster.kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
          namespace,
          body: {
            metadata: { name: SERVICE_ACCOUNT },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" },
            subjects: [{ kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace }],
          },
        });
        const { status } = await core.createNamespacedServiceAccountToken({
          name: SERVICE_ACCOUNT,
          namespace,
          body: { spec: { audiences: [], expirationSeconds: 3600 } },
        });
        const server = cluster.kc.getCurrentCluster();
        if (!server) throw new Error("the test cluster's kubeconfig has no cluster");
        const ca = server.caData
          ? Buffer.from(server.caData, "base64").toString("utf8")
          : server.caFile
            ? readFileSync(server.caFile, "utf8")
            : undefined;
        if (!ca) throw new Error("the test cluster's kubeconfig has no CA");

        // The scenario's entry, its jobs sent to this namespace of the external cluster.
        const values = scenario.values();
        const entry = (values.runners ?? []).find((r) => r.name === scenario.runner);
        if (!entry) throw new Error(`no entry ${scenario.runner} in ${name}`);
        const { id: _id, token } = await mock.control.createRunner({ run_untagged: true });
        const remote = {
          ...entry,
          token: { value: token },
          kubernetes: {
            ...entry.kubernetes,
            namespace,
            externalCluster: { host: server.server, secretName: "remote-cluster", caKey: "ca.crt", tokenKey: "token" },
          },
        };
        const runnerValues = { ...values, jobNamespace: "", runners: [remote] } as Partial<Values>;
        const expected = expectedJobPod(runnerValues, scenario.runner, {
          releaseNamespace: NAMESPACE,
          services: scenario.services,
        });
        if (expected.serviceAccountName !== "default")
          await core.createNamespacedServiceAccount({
            namespace,
            body: { metadata: { name: expected.serviceAccountName } },
          });
        for (const secret of expected.imagePullSecrets)
          await core.createNamespacedSecret({
            namespace,
            body: {
              metadata: { name: secret },
              type: "kubernetes.io/dockerconfigjson",
              stringData: { ".dockerconfigjson": '{"auths":{}}' },
            },
          });

        const run = await pod.start(runnerValues, {
          externalSecrets: { "remote-cluster": { "ca.crt": ca, token: status?.token ?? "" } },
        });
        const { id } = await mock.control.enqueueJob({
          script: ["sleep 600"],
          services: Array.from({ length: scenario.services }, () => "busybox:1.37"),
        });
        let created: Awaited<ReturnType<CoreV1Api["listNamespacedPod"]>>["items"][number] | undefined;
        await waitFor(
          `the job pod of ${name}`,
          120_000,
          async () => {
            created = (
              await core.listNamespacedPod({
                namespace,
                labelSelector: `manager.runner.gitlab.com/name=${scenario.runner}`,
              })
            ).items[0];
            return created !== undefined || run.output().split("\n").slice(-3).join(" | ");
          },
          500,
        );
        expect(jobPodMismatches(expected, created ?? {})).toEqual([]);
        await mock.control.cancelJob(id, { force: true });
        run.signal("SIGTERM");
        await Promise.race([run.exited, new Promise((r) => setTimeout(r, 60_000))]);
      },
    );
  },
);
