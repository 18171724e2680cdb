import { describe, expect, it } from "vitest";
import { validateManifest, validateManifests } from "../../../src/kube/index.js";
import * as f from "./fixtures.js";
import type { Manifest } from "./fixtures.js";

const mutate = (base: Manifest, change: (m: Manifest) => void): Manifest => {
  const copy = f.clone(base);
  change(copy);
  return copy;
};
const podSpec = (m: Manifest) => m.spec.template.spec;
const manager = (m: Manifest) => podSpec(m).containers[0];

describe("validateManifest on valid objects", () => {
  it.each(f.allGood.map((m) => [`${m.kind}`, m] as const))("accepts a realistic %s", (_kind, manifest) => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it("accepts any key in free-form maps (labels, annotations, data, stringData, nodeSelector, limits)", () => {
    const sts = mutate(f.statefulSet, (m) => {
      m.metadata.labels["example.com/any_key.with-dots"] = "";
      m.metadata.annotations["helm.sh/hook-weight"] = "-5";
      podSpec(m).nodeSelector["topology.kubernetes.io/zone"] = "eu-1a";
      manager(m).resources.limits["nvidia.com/gpu"] = "1";
      manager(m).resources.limits["hugepages-2Mi"] = "128Mi";
      m.spec.volumeClaimTemplates[0].metadata.annotations = { "volume.beta.kubernetes.io/storage-class": "x" };
    });
    const secret = mutate(f.secret, (m) => {
      m.data["0"] = "YQ==";
      m.stringData["config.toml"] = "[[runners]]";
    });
    const cm = mutate(f.configMap, (m) => {
      m.data["spec"] = "not a field";
      m.binaryData = { "logo.png": "iVBORw0KGgo=" };
    });
    expect([...validateManifest(sts), ...validateManifest(secret), ...validateManifest(cm)]).toEqual([]);
  });

  it.each([
    ["a port name", "metrics"],
    ["a port number", 9252],
  ])("accepts an int-or-string targetPort given as %s", (_what, port) => {
    expect(validateManifest(mutate(f.service, (m) => (m.spec.ports[0].targetPort = port)))).toEqual([]);
  });

  it.each([["25%"], [1], [0]])("accepts maxUnavailable %j on a PodDisruptionBudget", (value) => {
    expect(validateManifest(mutate(f.podDisruptionBudget, (m) => (m.spec.maxUnavailable = value)))).toEqual([]);
  });

  it.each([["500m"], ["1.5"], [2], [0.25], ["1e3"], ["128Ki"]])("accepts the quantity %j as a cpu limit", (q) => {
    expect(validateManifest(mutate(f.statefulSet, (m) => (manager(m).resources.limits.cpu = q)))).toEqual([]);
  });

  it("accepts probes and preStop hooks addressing a named port", () => {
    const sts = mutate(f.statefulSet, (m) => {
      manager(m).livenessProbe = { httpGet: { path: "/", port: "metrics" } };
      manager(m).lifecycle.postStart = { httpGet: { path: "/ready", port: 9252 } };
    });
    expect(validateManifest(sts)).toEqual([]);
  });

  it("accepts creationTimestamp: null as kubectl and some helm versions render it", () => {
    expect(validateManifest(mutate(f.statefulSet, (m) => (m.metadata.creationTimestamp = null)))).toEqual([]);
  });
});

describe("validateManifest reports unknown fields", () => {
  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["at the top level", f.secret, (m) => (m.stringdata = { a: "b" }), "stringdata"],
    ["in metadata", f.service, (m) => (m.metadata.lables = {}), "metadata.lables"],
    ["in a spec", f.statefulSet, (m) => (m.spec.strategy = {}), "spec.strategy"],
    ["in a container", f.statefulSet, (m) => (manager(m).foo = 1), "spec.template.spec.containers[0].foo"],
    ["in an init container", f.statefulSet, (m) => (podSpec(m).initContainers[0].imagePullPolcy = "Always"),
      "spec.template.spec.initContainers[0].imagePullPolcy"],
    ["in a securityContext", f.statefulSet, (m) => (manager(m).securityContext.readOnlyRootFileSystem = true),
      "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"],
    ["in capabilities", f.statefulSet, (m) => (manager(m).securityContext.capabilities.dropp = ["ALL"]),
      "spec.template.spec.containers[0].securityContext.capabilities.dropp"],
    ["in env valueFrom", f.statefulSet, (m) => (manager(m).env[1].valueFrom.secretKeyRef.nme = "x"),
      "spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.nme"],
    ["in a projected volume source", f.statefulSet,
      (m) => (podSpec(m).volumes[3].projected.sources[1].serviceAccountToken.audiance = "x"),
      "spec.template.spec.volumes[3].projected.sources[1].serviceAccountToken.audiance"],
    ["in an emptyDir", f.statefulSet, (m) => (podSpec(m).volumes[1].emptyDir.size = "1Gi"),
      "spec.template.spec.volumes[1].emptyDir.size"],
    ["in affinity", f.statefulSet,
      (m) => (podSpec(m).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabel = {}),
      "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabel"],
    ["in a toleration", f.statefulSet, (m) => (podSpec(m).tolerations[0].efect = "NoSchedule"),
      "spec.template.spec.tolerations[0].efect"],
    ["in a lifecycle hook", f.statefulSet, (m) => (manager(m).lifecycle.preStop.exec.cmd = ["x"]),
      "spec.template.spec.containers[0].lifecycle.preStop.exec.cmd"],
    ["in a volumeClaimTemplate", f.statefulSet, (m) => (m.spec.volumeClaimTemplates[0].spec.storageClass = "x"),
      "spec.volumeClaimTemplates[0].spec.storageClass"],
    ["in the pod template metadata", f.statefulSet, (m) => (m.spec.template.metadata.label = {}),
      "spec.template.metadata.label"],
    ["in a Service port", f.service, (m) => (m.spec.ports[0].targetport = 1), "spec.ports[0].targetport"],
    ["in a PodDisruptionBudget", f.podDisruptionBudget, (m) => (m.spec.maxUnavaliable = 1), "spec.maxUnavaliable"],
    ["in a NetworkPolicy peer", f.networkPolicy, (m) => (m.spec.ingress[0].from[0].namespaceSelectors = {}),
      "spec.ingress[0].from[0].namespaceSelectors"],
    ["in an HPA metric target", f.horizontalPodAutoscaler,
      (m) => (m.spec.metrics[0].resource.target.averageUtilisation = 80), "spec.metrics[0].resource.target.averageUtilisation"],
    ["in a Role rule", f.role, (m) => (m.rules[0].verb = ["get"]), "rules[0].verb"],
    ["in a RoleBinding subject", f.roleBinding, (m) => (m.subjects[0].namespce = "ci"), "subjects[0].namespce"],
    ["in a ServiceAccount", f.serviceAccount, (m) => (m.secret = []), "secret"],
    ["in a Pod", f.pod, (m) => (m.spec.containers[0].securityContext.runAsNonroot = true),
      "spec.containers[0].securityContext.runAsNonroot"],
    ["named like an Object.prototype member", f.statefulSet, (m) => (manager(m).constructor = "x"),
      "spec.template.spec.containers[0].constructor"],
  ])("%s", (_where, base, change, path) => {
    expect(validateManifest(mutate(base, change))).toEqual([`${path}: unknown field`]);
  });

  it("still finds unknown fields when another field has a wrong type", () => {
    const sts = mutate(f.statefulSet, (m) => {
      podSpec(m).initContainers = { name: "not-a-list" };
      m.metadata.creationTimestamp = "yesterday";
      manager(m).bogus = true;
    });
    expect(validateManifest(sts)).toEqual([
      expect.stringMatching(/^metadata\.creationTimestamp: must match format "date-time"/),
      'spec.template.spec.initContainers: must be array, got {"name":"not-a-list"}',
      "spec.template.spec.containers[0].bogus: unknown field",
    ]);
  });
});

describe("validateManifest reports wrong types and formats", () => {
  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["a string replica count", f.statefulSet, (m) => (m.spec.replicas = "2"), 'spec.replicas: must be integer, got "2"'],
    ["a numeric image", f.statefulSet, (m) => (manager(m).image = 3), "spec.template.spec.containers[0].image: must be string, got 3"],
    ["a numeric env value", f.statefulSet, (m) => (manager(m).env[0].value = 5),
      "spec.template.spec.containers[0].env[0].value: must be string, got 5"],
    ["a string containerPort", f.statefulSet, (m) => (manager(m).ports[0].containerPort = "9252"),
      'spec.template.spec.containers[0].ports[0].containerPort: must be integer, got "9252"'],
    ["a numeric label value", f.service, (m) => (m.metadata.labels.tier = 1), "metadata.labels.tier: must be string, got 1"],
    ["a label value under a slashed key", f.service, (m) => (m.metadata.labels["app.kubernetes.io/version"] = 1.2),
      'metadata.labels["app.kubernetes.io/version"]: must be string, got 1.2'],
    ["a label value under a numeric key", f.service, (m) => (m.metadata.labels["2024"] = 1),
      'metadata.labels["2024"]: must be string, got 1'],
    ["a numeric ConfigMap value", f.configMap, (m) => (m.data.concurrent = 4), "data.concurrent: must be string, got 4"],
    ["a Secret value that is not base64", f.secret, (m) => (m.data["runner-token"] = "glrt-xyz"),
      'data.runner-token: must match format "byte", got "glrt-xyz"'],
    ["a string boolean", f.serviceAccount, (m) => (m.automountServiceAccountToken = "yes"),
      'automountServiceAccountToken: must be boolean, got "yes"'],
    ["a list where an object belongs", f.statefulSet, (m) => (manager(m).securityContext = []),
      "spec.template.spec.containers[0].securityContext: must be object, got []"],
    ["an unknown imagePullPolicy", f.statefulSet, (m) => (manager(m).imagePullPolicy = "Sometimes"),
      'spec.template.spec.containers[0].imagePullPolicy: must be one of Always, IfNotPresent, Never, got "Sometimes"'],
    ["a fractional targetPort", f.service, (m) => (m.spec.ports[0].targetPort = 1.5),
      "spec.ports[0].targetPort: must be an integer or a string (int-or-string), got 1.5"],
    ["a boolean maxUnavailable", f.podDisruptionBudget, (m) => (m.spec.maxUnavailable = true),
      "spec.maxUnavailable: must be an integer or a string (int-or-string), got true"],
    ["a StatefulSet rolling update maxUnavailable object", f.statefulSet, (m) => (m.spec.updateStrategy.rollingUpdate.maxUnavailable = {}),
      "spec.updateStrategy.rollingUpdate.maxUnavailable: must be an integer or a string (int-or-string), got {}"],
    ["a quantity with a bogus suffix", f.statefulSet, (m) => (m.spec.volumeClaimTemplates[0].spec.resources.requests.storage = "10GB"),
      'spec.volumeClaimTemplates[0].spec.resources.requests.storage: must be a number or a quantity string such as 500m or 1Gi, got "10GB"'],
    ["an emptyDir sizeLimit that is not a quantity", f.statefulSet, (m) => (podSpec(m).volumes[1].emptyDir.sizeLimit = "lots"),
      'spec.template.spec.volumes[1].emptyDir.sizeLimit: must be a number or a quantity string such as 500m or 1Gi, got "lots"'],
    ["an empty cpu limit", f.statefulSet, (m) => (manager(m).resources.limits.cpu = ""),
      'spec.template.spec.containers[0].resources.limits.cpu: must be a number or a quantity string such as 500m or 1Gi, got ""'],
  ])("%s", (_what, base, change, message) => {
    expect(validateManifest(mutate(base, change))).toEqual([message]);
  });
});

describe("validateManifest reports missing required fields", () => {
  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["a container name", f.statefulSet, (m) => delete manager(m).name, "spec.template.spec.containers[0].name"],
    ["an env var name", f.statefulSet, (m) => delete manager(m).env[2].name, "spec.template.spec.containers[0].env[2].name"],
    ["a volume name", f.statefulSet, (m) => delete podSpec(m).volumes[0].name, "spec.template.spec.volumes[0].name"],
    ["the StatefulSet selector", f.statefulSet, (m) => delete m.spec.selector, "spec.selector"],
    ["the StatefulSet template", f.statefulSet, (m) => delete m.spec.template, "spec.template"],
    ["the pod containers", f.pod, (m) => delete m.spec.containers, "spec.containers"],
    ["a Service port number", f.service, (m) => delete m.spec.ports[0].port, "spec.ports[0].port"],
    ["a Role rule's verbs", f.role, (m) => delete m.rules[1].verbs, "rules[1].verbs"],
    ["a RoleBinding roleRef", f.roleBinding, (m) => delete m.roleRef, "roleRef"],
    ["a subject kind", f.clusterRoleBinding, (m) => delete m.subjects[0].kind, "subjects[0].kind"],
    ["the HPA scale target", f.horizontalPodAutoscaler, (m) => delete m.spec.scaleTargetRef, "spec.scaleTargetRef"],
    ["a secretKeyRef key", f.statefulSet, (m) => delete manager(m).env[1].valueFrom.secretKeyRef.key,
      "spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.key"],
    ["metadata.name", f.configMap, (m) => delete m.metadata.name, "metadata.name"],
  ])("%s", (_what, base, change, path) => {
    expect(validateManifest(mutate(base, change))).toEqual([`${path}: missing required field`]);
  });
});

describe("validateManifest rejects what it has no schema for", () => {
  it.each([
    ["extensions/v1beta1", "Deployment"],
    ["apps/v1beta1", "StatefulSet"],
    ["example.com/v1", "Widget"],
    ["monitoring.coreos.com/v1", "PrometheusRule"],
    ["monitoring.coreos.com/v1alpha1", "PodMonitor"],
  ])("reports no schema for %s %s", (apiVersion, kind) => {
    expect(validateManifest({ apiVersion, kind, metadata: { name: "x" } })).toEqual([`no schema for ${kind} ${apiVersion}`]);
  });

  it("reports a missing apiVersion and kind", () => {
    expect(validateManifest({ metadata: { name: "x" } })).toEqual([
      "apiVersion: missing required field",
      "kind: missing required field",
    ]);
  });

  it.each([
    ["null", null],
    ["a YAML string", "kind: Service"],
    ["a list", [f.service]],
  ])("rejects %s as not an object", (_what, value) => {
    expect(validateManifest(value)).toEqual(["(root): manifest must be an object"]);
  });
});

describe("validateManifests", () => {
  it("accepts the whole set of realistic objects", () => {
    expect(validateManifests(f.allGood)).toEqual([]);
  });

  it("prefixes every problem with Kind/name and reports them all", () => {
    const problems = validateManifests([
      f.service,
      mutate(f.statefulSet, (m) => (manager(m).foo = 1)),
      mutate(f.role, (m) => (m.rules[0].verbs = "get")),
      { apiVersion: "v1", kind: "Widget", metadata: { name: "w" } },
    ]);
    expect(problems).toEqual([
      "StatefulSet/fleet-manager: spec.template.spec.containers[0].foo: unknown field",
      'Role/fleet-manager: rules[0].verbs: must be array, got "get"',
      "Widget/w: no schema for Widget v1",
    ]);
  });

  it("reports two objects with the same identity", () => {
    expect(validateManifests([f.configMap, f.clone(f.configMap)])).toEqual([
      "ConfigMap/fleet-config: duplicate object (same apiVersion group, kind, namespace and name)",
    ]);
  });

  it("does not treat same-named objects of different kinds or namespaces as duplicates", () => {
    const other = mutate(f.service, (m) => (m.metadata.namespace = "other"));
    expect(validateManifests([f.service, f.serviceAccount, other])).toEqual([]);
  });
});
