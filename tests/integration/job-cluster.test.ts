import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AuthorizationV1Api, CoreV1Api, KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { jobClusterPairing } from "../../src/job-cluster.js";
import { chartRoot } from "../../src/paths.js";
import {
  clusterUnavailable,
  helm,
  helmApply,
  NamespaceScope,
  startCluster,
  statusOf,
  waitFor,
  type TestCluster,
} from "../../src/testing/cluster/index.js";
import {
  FORBIDDEN_CLUSTER,
  FORBIDDEN_IN_JOB_NAMESPACE,
  FORBIDDEN_OUTSIDE,
  requiredPermissions,
} from "./support/permissions.js";
import { permissionMismatches } from "./support/steps.js";

// Job-cluster mode on a real API server: the chart installs no manager, only what a manager
// running elsewhere needs, and the token it hands out (not an admin identity) does exactly what
// the kubernetes executor does in the job namespaces and nothing else.

const RELEASE = "remote";
const file = join(chartRoot, "ci", "job-cluster-values.yaml");
const values = parse(readFileSync(file, "utf8")) as { jobCluster: { namespaces: string[] } };
const [JOB_NAMESPACE = ""] = values.jobCluster.namespaces;

const unavailable = await clusterUnavailable("current");
if (unavailable) console.warn(unavailable);

/** A pod the executor could have made: restricted Pod Security, nothing privileged. */
const jobPod = (name: string): V1Pod => ({
  metadata: { name },
  spec: {
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
    containers: [
      {
        name: "build",
        image: "alpine:3.22",
        command: ["sleep", "60"],
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
          readOnlyRootFilesystem: true,
        },
      },
    ],
  },
});

/** The client a remote manager has: the API server URL, the CA and the bearer token, nothing else. */
function remoteClient(admin: KubeConfig, ca: string, token: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: "job-cluster",
        server: admin.getCurrentCluster()?.server ?? "",
        caData: Buffer.from(ca).toString("base64"),
      },
    ],
    users: [{ name: "remote-manager", token }],
    contexts: [{ name: "remote", cluster: "job-cluster", user: "remote-manager" }],
    currentContext: "remote",
  });
  return kc;
}

/** HTTP status of a call (200 when it succeeds). */
const statusOfCall = (call: Promise<unknown>): Promise<number | undefined> => call.then(() => 200, statusOf);

/** SelfSubjectAccessReview with the remote client's own token: what the API server lets it do. */
async function selfAllowed(
  kc: KubeConfig,
  verb: string,
  resource: string,
  subresource: string | undefined,
  namespace: string,
): Promise<boolean> {
  const review = await kc.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({
    body: { spec: { resourceAttributes: { verb, resource, namespace, ...(subresource ? { subresource } : {}) } } },
  });
  return review.status?.allowed === true;
}

describe.skipIf(unavailable)("job-cluster mode on a real API server", () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster("current");
  }, 45 * 60_000);
  afterAll(() => cluster?.stop(), 120_000);

  /** The chart installed in `namespace` with the job namespace beside it, both under restricted Pod Security. */
  async function installInto(scope: NamespaceScope, namespace: string, set: string[] = []) {
    await scope.create(namespace, "restricted");
    await scope.create(JOB_NAMESPACE, "restricted");
    const install = await helmApply(cluster, "install", {
      release: RELEASE,
      namespace,
      valuesFile: file,
      set,
      timeout: "2m",
    });
    expect(install.exitCode, `helm install: ${install.output}`).toBe(0);
    return install;
  }

  it(
    "hands a remote manager a token that runs job pods in the job namespace and is denied everywhere else",
    { timeout: 6 * 60_000 },
    async () => {
      onTestFailed(() => cluster.markFailed());
      const scope = new NamespaceScope(cluster.kc);
      const core = cluster.kc.makeApiClient(CoreV1Api);
      const namespace = "it-job-cluster";
      try {
        const install = await installInto(scope, namespace);

        // NOTES: the same commands the TS pairing gives, and the token Secret they read exists.
        const pairing = await jobClusterPairing(values, {
          releaseName: RELEASE,
          namespace,
          host: cluster.kc.getCurrentCluster()?.server ?? "",
        });
        for (const command of pairing.secret.commands) expect(install.output).toContain(command);
        expect((await core.listNamespacedPod({ namespace })).items, "no manager pods").toEqual([]);

        // The cluster's token controller fills the Secret; the manager reads ca.crt and token from it.
        let data: Record<string, string> = {};
        const filledMs = await waitFor(
          "the token controller to fill the ServiceAccount token Secret",
          60_000,
          async () => {
            data = (await core.readNamespacedSecret({ name: pairing.secret.name, namespace })).data ?? {};
            return Boolean(data.token && data["ca.crt"]) || "not filled yet";
          },
        );
        console.log(`job-cluster: token Secret filled ${filledMs} ms after helm install returned`);
        const token = Buffer.from(data.token ?? "", "base64").toString();
        const ca = Buffer.from(data["ca.crt"] ?? "", "base64").toString();
        expect(install.output, "NOTES print commands, never the token").not.toContain(token);
        const remote = remoteClient(cluster.kc, ca, token);
        const asRemote = remote.makeApiClient(CoreV1Api);

        // What the executor does with it in the job namespace: create a pod, read its logs, delete it.
        await asRemote.createNamespacedPod({ namespace: JOB_NAMESPACE, body: jobPod("job-1") });
        const logs = await statusOfCall(asRemote.readNamespacedPodLog({ name: "job-1", namespace: JOB_NAMESPACE }));
        // kwok runs no containers, so the kubelet side may answer an error; the API server's authorizer let it through.
        console.log(`job-cluster: pods/log get as the remote token answered ${logs}`);
        expect(logs, "pods/log get as the remote token").not.toBe(403);
        expect(
          await statusOfCall(asRemote.deleteNamespacedPod({ name: "job-1", namespace: JOB_NAMESPACE })),
          "pod delete",
        ).toBe(200);
        for (const subresource of ["exec", "attach"]) {
          expect(
            await selfAllowed(remote, "create", "pods", subresource, JOB_NAMESPACE),
            `create pods/${subresource} in ${JOB_NAMESPACE}`,
          ).toBe(true);
          expect(
            await selfAllowed(remote, "create", "pods", subresource, namespace),
            `create pods/${subresource} in ${namespace}`,
          ).toBe(false);
        }

        // Nothing outside the job namespaces, not even its own token Secret.
        const denied: [string, Promise<unknown>][] = [
          ["list pods in the install namespace", asRemote.listNamespacedPod({ namespace })],
          ["list pods in default", asRemote.listNamespacedPod({ namespace: "default" })],
          [
            "create a pod in the install namespace",
            asRemote.createNamespacedPod({ namespace, body: jobPod("escape") }),
          ],
          [
            "create a secret in the install namespace",
            asRemote.createNamespacedSecret({ namespace, body: { metadata: { name: "x" }, stringData: { a: "b" } } }),
          ],
          ["read its own token Secret", asRemote.readNamespacedSecret({ name: pairing.secret.name, namespace })],
          ["list secrets in the job namespace", asRemote.listNamespacedSecret({ namespace: JOB_NAMESPACE })],
          ["list namespaces", asRemote.listNamespace()],
          ["list nodes", asRemote.listNode()],
        ];
        const answers = await Promise.all(denied.map(async ([what, call]) => `${what}: ${await statusOfCall(call)}`));
        expect(answers).toEqual(denied.map(([what]) => `${what}: 403`));

        // The whole permission table of the executor, and the lifecycle tier's forbidden lists.
        const sa = pairing.serviceAccount;
        const required = requiredPermissions([{ name: "remote" }]).map((permission) => ({
          permission,
          namespace: JOB_NAMESPACE,
        }));
        expect(
          await permissionMismatches(cluster.kc, sa, required, true),
          "denied but needed by the kubernetes executor",
        ).toEqual([]);
        const forbidden = [
          ...FORBIDDEN_IN_JOB_NAMESPACE.map((permission) => ({ permission, namespace: JOB_NAMESPACE })),
          ...[namespace, "default", "kube-system"].flatMap((ns) =>
            FORBIDDEN_OUTSIDE.map((permission) => ({ permission, namespace: ns })),
          ),
          ...FORBIDDEN_CLUSTER.map((permission) => ({ permission })),
        ];
        expect(await permissionMismatches(cluster.kc, sa, forbidden, false), "allowed but must be denied").toEqual([]);

        // Rotating as NOTES say. A legacy token holds no issue time: re-creating only the Secret (same
        // name, same ServiceAccount UID) would bring back the very same token. A new ServiceAccount
        // (new UID) gives a new one: delete it (its token Secret goes with it), then helm upgrade.
        await core.deleteNamespacedServiceAccount({ name: sa.name, namespace });
        await waitFor("the old token to be refused", 60_000, async () => {
          const status = await statusOfCall(asRemote.listNamespacedPod({ namespace: JOB_NAMESPACE }));
          return status === 401 || `answered ${status}`;
        });
        const upgrade = await helmApply(cluster, "upgrade", {
          release: RELEASE,
          namespace,
          valuesFile: file,
          timeout: "2m",
        });
        expect(upgrade.exitCode, `helm upgrade: ${upgrade.output}`).toBe(0);
        let renewed: Record<string, string> = {};
        await waitFor("the token controller to fill the re-created Secret", 60_000, async () => {
          renewed = (await core.readNamespacedSecret({ name: pairing.secret.name, namespace })).data ?? {};
          return Boolean(renewed.token) || "not filled yet";
        });
        const newToken = Buffer.from(renewed.token ?? "", "base64").toString();
        expect(newToken === token, "the rotated token differs from the old one").toBe(false);
        const asRenewed = remoteClient(cluster.kc, ca, newToken).makeApiClient(CoreV1Api);
        expect(await statusOfCall(asRenewed.listNamespacedPod({ namespace: JOB_NAMESPACE })), "the new token").toBe(
          200,
        );
        expect(
          await statusOfCall(asRemote.listNamespacedPod({ namespace: JOB_NAMESPACE })),
          "the old token after the upgrade",
        ).toBe(401);

        // Uninstall revokes it: the Secret and ServiceAccount are gone, so is the token's access.
        const uninstall = await helm(cluster, ["uninstall", RELEASE, "-n", namespace, "--wait", "--timeout", "2m"]);
        expect(uninstall.exitCode, `helm uninstall: ${uninstall.output}`).toBe(0);
        await waitFor("the uninstalled token to be refused", 60_000, async () => {
          const status = await statusOfCall(asRenewed.listNamespacedPod({ namespace: JOB_NAMESPACE }));
          return status === 401 || `answered ${status}`;
        });
      } finally {
        await scope.cleanup();
      }
    },
  );

  it(
    "with createTokenSecret false, a TokenRequest token works the same and no long-lived Secret exists",
    { timeout: 4 * 60_000 },
    async () => {
      onTestFailed(() => cluster.markFailed());
      const scope = new NamespaceScope(cluster.kc);
      const core = cluster.kc.makeApiClient(CoreV1Api);
      const namespace = "it-job-cluster-tokenrequest";
      try {
        const install = await installInto(scope, namespace, ["jobCluster.createTokenSecret=false"]);
        const serviceAccount = `${RELEASE}-gitlab-runner-fleet`;
        expect(install.output).toContain(
          `kubectl -n ${namespace} create token ${serviceAccount} --duration 24h > token`,
        );
        const secrets = (await core.listNamespacedSecret({ namespace })).items.filter(
          (s) => s.type === "kubernetes.io/service-account-token",
        );
        expect(secrets).toEqual([]);

        // What `kubectl create token` does: the TokenRequest API, with an expiry.
        const request = await core.createNamespacedServiceAccountToken({
          name: serviceAccount,
          namespace,
          body: { spec: { audiences: [], expirationSeconds: 3600 } },
        });
        expect(Date.parse(String(request.status?.expirationTimestamp))).toBeGreaterThan(Date.now());
        const ca = (await core.readNamespacedConfigMap({ name: "kube-root-ca.crt", namespace })).data?.["ca.crt"] ?? "";
        const asRemote = remoteClient(cluster.kc, ca, request.status?.token ?? "").makeApiClient(CoreV1Api);
        await asRemote.createNamespacedPod({ namespace: JOB_NAMESPACE, body: jobPod("job-2") });
        expect(await statusOfCall(asRemote.deleteNamespacedPod({ name: "job-2", namespace: JOB_NAMESPACE }))).toBe(200);
        expect(await statusOfCall(asRemote.listNamespacedPod({ namespace }))).toBe(403);
        const uninstall = await helm(cluster, ["uninstall", RELEASE, "-n", namespace, "--wait", "--timeout", "2m"]);
        expect(uninstall.exitCode, `helm uninstall: ${uninstall.output}`).toBe(0);
      } finally {
        await scope.cleanup();
      }
    },
  );
});
