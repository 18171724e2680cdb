import { describe, expect, it } from "vitest";
import { checkReadOnlyRootFilesystem, podSpecOf, podTemplateOf } from "../../../../src/testing/kube/index.js";

// Pod Security itself is the API server's job: tests/integration installs every scenario into a
// namespace that enforces "restricted". What stays here is the chart's own promise the server
// does not check (read-only root filesystem) and the helper that finds a pod spec.
import * as f from "./fixtures.js";
import type { Manifest } from "./fixtures.js";

/** The StatefulSet's pod spec, as checked at `spec` (the path a bare Pod would have). */
const goodSpec = (): Manifest => f.clone(f.statefulSet.spec.template.spec);
const withSpec = (change: (s: Manifest) => void): Manifest => {
  const spec = goodSpec();
  change(spec);
  return spec;
};
const sc0 = (s: Manifest) => s.containers[0].securityContext;

describe("podSpecOf / podTemplateOf", () => {
  it.each([
    ["Pod", f.pod, "spec"],
    ["StatefulSet", f.statefulSet, "spec.template.spec"],
    ["Deployment", { kind: "Deployment", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    ["DaemonSet", { kind: "DaemonSet", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    ["Job", { kind: "Job", spec: { template: { spec: { containers: [] } } } }, "spec.template.spec"],
    [
      "CronJob",
      { kind: "CronJob", spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } },
      "spec.jobTemplate.spec.template.spec",
    ],
  ])("finds the pod spec of a %s at %s", (_kind, manifest, path) => {
    const template = podTemplateOf(manifest);
    expect(template?.path).toBe(path);
    expect(podSpecOf(manifest)).toBe(template?.spec);
    expect(podSpecOf(manifest)).toHaveProperty("containers");
  });

  it.each([
    ["Service", f.service],
    ["ConfigMap", f.configMap],
    ["a template-less StatefulSet", { kind: "StatefulSet", spec: {} }],
    ["a non-object", "Pod"],
  ])("returns undefined for %s", (_what, manifest) => {
    expect(podSpecOf(manifest)).toBeUndefined();
  });
});

describe("checkReadOnlyRootFilesystem", () => {
  it("accepts containers that all mount their root filesystem read-only", () => {
    expect(checkReadOnlyRootFilesystem(goodSpec())).toEqual([]);
    expect(checkReadOnlyRootFilesystem(f.pod.spec)).toEqual([]);
  });

  it.each<[string, (s: Manifest) => void, string]>([
    [
      "unset on a container",
      (s) => delete sc0(s).readOnlyRootFilesystem,
      "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem: must be true",
    ],
    [
      "false on an init container",
      (s) => (s.initContainers[0].securityContext.readOnlyRootFilesystem = false),
      "spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem: must be true",
    ],
    [
      "missing on an ephemeral container",
      (s) => (s.ephemeralContainers = [{ name: "debug" }]),
      "spec.template.spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem: must be true",
    ],
  ])("reports it %s", (_what, change, message) => {
    expect(checkReadOnlyRootFilesystem(withSpec(change), "spec.template.spec")).toEqual([message]);
  });
});
