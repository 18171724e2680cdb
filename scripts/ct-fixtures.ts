// Prepares the current kube context (CI's kind cluster for chart-testing) for `ct install --config ct.yaml`:
// the ct namespace, every ci/ scenario's fixtures and job namespaces, the monitoring CRDs, a zone label on the
// nodes (topology spread over zones), and the mock GitLab (image loaded by CI with `kind load`) that accepts every
// scenario's registration token. Run after `npm run setup`; uses KUBECONFIG like ct does.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
} from "@kubernetes/client-node";
import { parse } from "yaml";
import { NamespaceScope, waitFor } from "../src/testing/cluster/index.js";
import { monitoringCrdFiles } from "../src/testing/cluster/tools.js";
import { CT_NAMESPACE, ctFixtures, ctScenarios } from "../src/testing/e2e/ct-fixtures.js";
import { deployMockGitLab } from "../src/testing/e2e/mock-in-cluster.js";

const kc = new KubeConfig();
kc.loadFromDefault();
const core = kc.makeApiClient(CoreV1Api);
const objects = kc.makeApiClient(KubernetesObjectApi);
const log = (line: string): void => void process.stderr.write(`ct-fixtures: ${line}\n`);

const scenarios = await ctScenarios("1.34.0");
const caData = kc.getCurrentCluster()?.caData;
if (!caData)
  throw new Error("the current cluster's kubeconfig has no certificate-authority-data (kind always writes it)");
const fixtures = ctFixtures(scenarios, Buffer.from(caData, "base64").toString("utf8"));

// Namespaces stay after the script: ct installs into them later. NamespaceScope waits for the default SA.
const scope = new NamespaceScope(kc);
await scope.create(CT_NAMESPACE, "restricted");
for (const [name, level] of fixtures.jobNamespaces) await scope.create(name, level);
log(`namespaces: ${[CT_NAMESPACE, ...fixtures.jobNamespaces.keys()].join(", ")}`);

for (const fixture of fixtures.objects) await objects.create(fixture as KubernetesObject);
log(`fixtures: ${fixtures.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")}`);

if (fixtures.monitoringKinds.length > 0) {
  const extensions = kc.makeApiClient(ApiextensionsV1Api);
  for (const file of monitoringCrdFiles()) {
    const crd = parse(readFileSync(file, "utf8")) as KubernetesObject;
    await objects.create(crd);
    await waitFor(`CRD ${crd.metadata?.name} established`, 60_000, async () => {
      const current = await extensions.readCustomResourceDefinition({ name: crd.metadata?.name ?? "" });
      return current.status?.conditions?.some((c) => c.type === "Established" && c.status === "True") ?? false;
    });
  }
  log(`CRDs for ${fixtures.monitoringKinds.join(", ")}`);
}

// kind nodes carry no zone; scenarios that spread managers over zones (DoNotSchedule) need one.
for (const node of (await core.listNode()).items) {
  const name = node.metadata?.name ?? "";
  await waitFor(`zone label on node ${name}`, 30_000, async () => {
    const current = await core.readNode({ name });
    current.metadata = {
      ...current.metadata,
      labels: { ...current.metadata?.labels, "topology.kubernetes.io/zone": "ct-a" },
    };
    await core.replaceNode({ name, body: current }); // a conflict with the kubelet's status update retries
    return true;
  });
}

const [registration = `GR1348941FAKE${randomBytes(8).toString("hex")}`, ...extra] = fixtures.registrationTokens;
await deployMockGitLab(
  kc,
  CT_NAMESPACE,
  { admin: `glpat-FAKE${randomBytes(10).toString("hex")}`, registration, extraRegistration: extra },
  { publishOnHost: false },
);
log(
  `mock GitLab ready at http://mock-gitlab.${CT_NAMESPACE}.svc:8080 (${fixtures.registrationTokens.length} registration tokens accepted)`,
);
