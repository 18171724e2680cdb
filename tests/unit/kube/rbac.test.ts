import { describe, expect, it } from "vitest";
import { checkRbac, rulesAllow, type PolicyRule } from "../../../src/kube/index.js";
import * as f from "./fixtures.js";
import type { Manifest } from "./fixtures.js";

const mutate = (base: Manifest, change: (m: Manifest) => void): Manifest => {
  const copy = f.clone(base);
  change(copy);
  return copy;
};

describe("checkRbac", () => {
  it.each([
    ["Role", f.role],
    ["RoleBinding", f.roleBinding],
    ["ClusterRole", f.clusterRole],
    ["ClusterRoleBinding", f.clusterRoleBinding],
  ])("accepts a least-privilege %s", (_kind, manifest) => {
    expect(checkRbac(manifest)).toEqual([]);
  });

  it("ignores kinds that are not RBAC", () => {
    expect(checkRbac({ ...f.configMap, rules: [{ verbs: ["*"] }] })).toEqual([]);
    expect(checkRbac("Role")).toEqual([]);
  });

  it.each<[string, Manifest, (m: Manifest) => void, string]>([
    ["apiGroups", f.role, (m) => (m.rules[0].apiGroups = ["", "*"]), 'rules[0].apiGroups[1]: wildcard "*" is not allowed'],
    ["resources", f.role, (m) => (m.rules[1].resources = ["*"]), 'rules[1].resources[0]: wildcard "*" is not allowed'],
    ["a subresource of every resource", f.role, (m) => (m.rules[1].resources = ["pods/exec", "*/scale"]),
      'rules[1].resources[1]: wildcard "*/scale" is not allowed'],
    ["every subresource", f.role, (m) => (m.rules[1].resources = ["pods/*"]), 'rules[1].resources[0]: wildcard "pods/*" is not allowed'],
    ["verbs", f.role, (m) => (m.rules[2].verbs = ["get", "*"]), 'rules[2].verbs[1]: wildcard "*" is not allowed'],
    ["resourceNames", f.role, (m) => (m.rules[4].resourceNames = ["*"]), 'rules[4].resourceNames[0]: wildcard "*" is not allowed'],
    ["nonResourceURLs", f.clusterRole, (m) => (m.rules[1].nonResourceURLs = ["*"]),
      'rules[1].nonResourceURLs[0]: wildcard "*" is not allowed'],
    ["a nonResourceURL prefix", f.clusterRole, (m) => (m.rules[1].nonResourceURLs = ["/metrics", "/debug/*"]),
      'rules[1].nonResourceURLs[1]: wildcard "/debug/*" is not allowed'],
  ])("reports a wildcard in %s", (_where, base, change, message) => {
    expect(checkRbac(mutate(base, change))).toEqual([message]);
  });

  it.each([["escalate"], ["bind"], ["impersonate"]])("reports the %s verb", (verb) => {
    const role = mutate(f.clusterRole, (m) => m.rules[0].verbs.push(verb));
    expect(checkRbac(role)).toEqual([`rules[0].verbs[2]: verb "${verb}" allows privilege escalation`]);
  });

  it("reports every problem of a role at once", () => {
    const role = mutate(f.role, (m) => {
      m.rules[0].apiGroups = ["*"];
      m.rules[3].verbs = ["*", "bind"];
    });
    expect(checkRbac(role)).toEqual([
      'rules[0].apiGroups[0]: wildcard "*" is not allowed',
      'rules[3].verbs[0]: wildcard "*" is not allowed',
      'rules[3].verbs[1]: verb "bind" allows privilege escalation',
    ]);
  });

  it("reports a binding to cluster-admin", () => {
    const binding = mutate(f.roleBinding, (m) => (m.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }));
    expect(checkRbac(binding)).toEqual(["roleRef.name: binding cluster-admin grants every permission"]);
  });

  it.each([["system:unauthenticated"], ["system:authenticated"], ["system:anonymous"]])("reports a binding to group %s", (group) => {
    const binding = mutate(f.clusterRoleBinding, (m) => m.subjects.push({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: group }));
    expect(checkRbac(binding)).toEqual([`subjects[1].name: group "${group}" binds the role to every caller`]);
  });
});

describe("rulesAllow", () => {
  const rules = f.role.rules as PolicyRule[];

  it.each<[string, string, string, string | undefined]>([
    ["", "pods", "create", undefined],
    ["", "pods/exec", "create", undefined],
    ["", "pods/log", "get", undefined],
    ["", "secrets", "delete", undefined],
    ["", "secrets", "update", "fleet-token"],
  ])("allows %j %s %s", (group, resource, verb, name) => {
    expect(rulesAllow(rules, group, resource, verb, name)).toBe(true);
  });

  it.each<[string, string, string, string | undefined]>([
    ["apps", "pods", "create", undefined],
    ["", "deployments", "create", undefined],
    ["", "pods/log", "delete", undefined],
    ["", "pods/portforward", "create", undefined],
    ["", "events", "create", undefined],
    ["", "pods", "escalate", undefined],
  ])("does not allow %j %s %s", (group, resource, verb, name) => {
    expect(rulesAllow(rules, group, resource, verb, name)).toBe(false);
  });

  it("limits a rule with resourceNames to those names", () => {
    const named: PolicyRule[] = [{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["lock"], verbs: ["get", "update"] }];
    expect(rulesAllow(named, "", "configmaps", "get", "lock")).toBe(true);
    expect(rulesAllow(named, "", "configmaps", "get", "other")).toBe(false);
    expect(rulesAllow(named, "", "configmaps", "get")).toBe(false);
  });

  it("matches wildcards the way the API server does", () => {
    expect(rulesAllow([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }], "apps", "deployments/scale", "patch")).toBe(true);
    const scale: PolicyRule[] = [{ apiGroups: ["apps"], resources: ["*/scale"], verbs: ["update"] }];
    expect(rulesAllow(scale, "apps", "statefulsets/scale", "update")).toBe(true);
    expect(rulesAllow(scale, "apps", "statefulsets", "update")).toBe(false);
    expect(rulesAllow([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }], "", "pods/log", "get")).toBe(false);
  });

  it("grants nothing without rules or through a nonResourceURL rule", () => {
    expect(rulesAllow(undefined, "", "pods", "get")).toBe(false);
    expect(rulesAllow([], "", "pods", "get")).toBe(false);
    expect(rulesAllow([{ nonResourceURLs: ["/metrics"], verbs: ["get"] }], "", "metrics", "get")).toBe(false);
  });
});
