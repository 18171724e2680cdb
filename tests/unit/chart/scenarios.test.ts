import { describe, expect, it } from "vitest";
import { configTomlOf, statefulSetOf, findObjects, type KubeObject } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { validateValues } from "../../../src/values/validate.js";
import { checkReadOnlyRootFilesystem, podSpecOf, checkRbac } from "../../../src/testing/kube/index.js";
import { isJobCluster, loadScenarios, snapshotText, tokenValues } from "./scenarios.js";
import { scenarioExpectations } from "./scenario-expectations.js";

const scenarios = loadScenarios();

describe.each(scenarios)("scenario $name", ({ name, values }) => {
  const rendered = Promise.all([renderOnce(values, { helm: 3 }), renderOnce(values, { helm: 4 })]);
  // job-cluster mode renders no manager: no StatefulSet, no config.toml
  const managers = !isJobCluster(values);

  it("is accepted by the TS validator", () => {
    expect(validateValues(values).errors).toEqual([]);
  });

  it("renders identically on helm 3 and helm 4 and matches its snapshot", async () => {
    const [helm3, helm4] = await rendered;
    expect(helm4.yaml).toBe(helm3.yaml);
    await expect(snapshotText(helm3.objects)).toMatchFileSnapshot(`../../snapshots/${name}.yaml`);
  });

  // Object validity and Pod Security "restricted": the API server, in tests/integration.
  it.runIf(managers)("runs the manager with a read-only root filesystem", async () => {
    const [{ objects }] = await rendered;
    expect(checkReadOnlyRootFilesystem(podSpecOf(statefulSetOf(objects)))).toEqual([]);
  });

  // Pod Security of hook pods: the API server admits them in tests/integration (helm test, uninstall).
  it("runs every other pod it renders (helm hooks included) with a read-only root filesystem", async () => {
    const [{ objects }] = await rendered;
    for (const obj of objects.filter((o) => o.kind === "Pod" || o.kind === "Job")) {
      expect(checkReadOnlyRootFilesystem(podSpecOf(obj)), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
    }
  });

  it("grants no RBAC wildcard", async () => {
    const [{ objects }] = await rendered;
    for (const obj of objects.filter((o) => o.kind === "Role" || o.kind === "ClusterRole")) {
      expect(checkRbac(obj), `${obj.kind}/${obj.metadata.name}`).toEqual([]);
    }
  });

  it("keeps token values (plain and base64) inside Secret objects only", async () => {
    const [{ objects }] = await rendered;
    const outside = JSON.stringify(objects.filter((obj: KubeObject) => obj.kind !== "Secret"));
    for (const token of tokenValues(values)) {
      expect(outside).not.toContain(token);
      expect(outside).not.toContain(Buffer.from(token).toString("base64"));
    }
    // a ServiceAccount token Secret is rendered empty: the cluster's token controller fills it
    const filledByChart = findObjects<{ type?: string; data?: Record<string, string> }>(objects, "Secret").filter(
      (s) => s.type !== "kubernetes.io/service-account-token",
    );
    for (const secret of filledByChart) {
      expect(Object.keys(secret.data ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.runIf(!managers)("renders only the remote manager's ServiceAccount, token Secret and job RBAC", async () => {
    const [{ objects }] = await rendered;
    const expectations = scenarioExpectations[name];
    expect(expectations, `no expectations written for scenario ${name}`).toBeDefined();
    expectations?.({}, objects);
  });

  it.runIf(managers)("ships a config.toml template that parses and holds the expected keys", async () => {
    const [{ objects }] = await rendered;
    const config = configTomlOf(objects);
    expect(config.listen_address).toBe(":9252");
    expect(Array.isArray(config.runners)).toBe(true);
    const expectations = scenarioExpectations[name];
    expect(expectations, `no expectations written for scenario ${name}`).toBeDefined();
    expectations?.(config, objects);
  });
});

it("covers at least 12 scenarios", () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(12);
});
