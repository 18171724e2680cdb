import { describe, expect, it } from "vitest";
import { validateManifest } from "../../../src/kube/index.js";
import * as f from "./fixtures.js";
import type { Manifest } from "./fixtures.js";

const mutate = (base: Manifest, change: (m: Manifest) => void): Manifest => {
  const copy = f.clone(base);
  change(copy);
  return copy;
};
const pme = (m: Manifest) => m.spec.podMetricsEndpoints[0];
const sme = (m: Manifest) => m.spec.endpoints[0];

describe("PodMonitor and ServiceMonitor", () => {
  it("accepts realistic monitors", () => {
    expect(validateManifest(f.podMonitor)).toEqual([]);
    expect(validateManifest(f.serviceMonitor)).toEqual([]);
  });

  it("accepts the other documented endpoint fields and free-form params", () => {
    const pm = mutate(f.podMonitor, (m) => {
      Object.assign(pme(m), { portNumber: 9252, scheme: "https", honorLabels: true, params: { "module[]": ["a", "b"] } });
      pme(m).metricRelabelings = [{ sourceLabels: ["__name__"], regex: "go_.*", action: "drop" }];
      m.spec.selector.matchExpressions = [{ key: "tier", operator: "In", values: ["ci"] }];
      m.spec.podTargetLabels = ["app.kubernetes.io/instance"];
    });
    const sm = mutate(f.serviceMonitor, (m) => {
      Object.assign(sme(m), { targetPort: 9252, interval: "0", scrapeTimeout: "500ms" });
      m.spec.targetLabels = ["team"];
    });
    expect([...validateManifest(pm), ...validateManifest(sm)]).toEqual([]);
  });

  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["in spec", f.podMonitor, (m) => (m.spec.podMetricEndpoints = []), "spec.podMetricEndpoints: unknown field"],
    ["in an endpoint", f.podMonitor, (m) => (pme(m).intervall = "1m"), "spec.podMetricsEndpoints[0].intervall: unknown field"],
    ["in a relabeling", f.serviceMonitor, (m) => (sme(m).relabelings[0].source_labels = []),
      "spec.endpoints[0].relabelings[0].source_labels: unknown field"],
    ["in the selector", f.podMonitor, (m) => (m.spec.selector.matchLabel = {}), "spec.selector.matchLabel: unknown field"],
    ["in the namespaceSelector", f.serviceMonitor, (m) => (m.spec.namespaceSelector.all = true),
      "spec.namespaceSelector.all: unknown field"],
    ["in metadata", f.podMonitor, (m) => (m.metadata.label = {}), "metadata.label: unknown field"],
    ["at the top level", f.serviceMonitor, (m) => (m.status = {}), "status: unknown field"],
    ["portNumber on a ServiceMonitor endpoint", f.serviceMonitor, (m) => (sme(m).portNumber = 1),
      "spec.endpoints[0].portNumber: unknown field"],
  ])("reports an unknown field %s", (_where, base, change, message) => {
    expect(validateManifest(mutate(base, change))).toEqual([message]);
  });

  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["a numeric port name", f.podMonitor, (m) => (pme(m).port = 9252), "spec.podMetricsEndpoints[0].port: must be string, got 9252"],
    ["a malformed interval", f.podMonitor, (m) => (pme(m).interval = "30 seconds"),
      'spec.podMetricsEndpoints[0].interval: must match ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$, got "30 seconds"'],
    ["a numeric scrapeTimeout", f.serviceMonitor, (m) => (sme(m).scrapeTimeout = 10),
      "spec.endpoints[0].scrapeTimeout: must be string, got 10"],
    ["an unknown relabel action", f.podMonitor, (m) => (pme(m).relabelings[0].action = "rename"),
      expect.stringMatching(/^spec\.podMetricsEndpoints\[0\]\.relabelings\[0\]\.action: must be one of replace, .*, got "rename"$/)],
    ["an unknown scheme", f.serviceMonitor, (m) => (sme(m).scheme = "ftp"),
      'spec.endpoints[0].scheme: must be one of http, https, HTTP, HTTPS, got "ftp"'],
    ["a string honorLabels", f.serviceMonitor, (m) => (sme(m).honorLabels = "true"),
      'spec.endpoints[0].honorLabels: must be boolean, got "true"'],
    ["a numeric matchLabels value", f.podMonitor, (m) => (m.spec.selector.matchLabels.tier = 1),
      "spec.selector.matchLabels.tier: must be string, got 1"],
    ["a bad selector operator", f.podMonitor, (m) => (m.spec.selector.matchExpressions = [{ key: "a", operator: "Equals" }]),
      'spec.selector.matchExpressions[0].operator: must be one of In, NotIn, Exists, DoesNotExist, got "Equals"'],
    ["a namespaceSelector.matchNames string", f.serviceMonitor, (m) => (m.spec.namespaceSelector.matchNames = "ci"),
      'spec.namespaceSelector.matchNames: must be array, got "ci"'],
    ["a portNumber out of range", f.podMonitor, (m) => (pme(m).portNumber = 70000),
      "spec.podMetricsEndpoints[0].portNumber: must be <= 65535, got 70000"],
    ["a non-string label annotation", f.podMonitor, (m) => (m.metadata.labels.x = true), "metadata.labels.x: must be string, got true"],
    ["a string endpoint list", f.serviceMonitor, (m) => (m.spec.endpoints = "metrics"), 'spec.endpoints: must be array, got "metrics"'],
  ])("reports %s", (_what, base, change, message) => {
    expect(validateManifest(mutate(base, change))).toEqual([message]);
  });

  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["a PodMonitor selector", f.podMonitor, (m) => delete m.spec.selector, "spec.selector"],
    ["a ServiceMonitor selector", f.serviceMonitor, (m) => delete m.spec.selector, "spec.selector"],
    ["ServiceMonitor endpoints", f.serviceMonitor, (m) => delete m.spec.endpoints, "spec.endpoints"],
    ["the spec", f.podMonitor, (m) => delete m.spec, "spec"],
    ["a matchExpression key", f.podMonitor, (m) => (m.spec.selector.matchExpressions = [{ operator: "Exists" }]),
      "spec.selector.matchExpressions[0].key"],
    ["metadata.name", f.serviceMonitor, (m) => delete m.metadata.name, "metadata.name"],
  ])("reports a missing %s", (_what, base, change, path) => {
    expect(validateManifest(mutate(base, change))).toEqual([`${path}: missing required field`]);
  });
});
