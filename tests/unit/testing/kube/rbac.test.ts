import { describe, expect, it } from "vitest";
import { checkRbac } from "../../../../src/testing/kube/index.js";

// A policy the API server does not enforce (it stores any Role): no wildcard, no escalating
// verb, no binding to everyone. Whether the Role grants what the runner needs, and nothing
// more, is answered by the server's own authorizer in tests/integration (SubjectAccessReview).
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
    [
      "apiGroups",
      f.role,
      (m) => (m.rules[0].apiGroups = ["", "*"]),
      'rules[0].apiGroups[1]: wildcard "*" is not allowed',
    ],
    ["resources", f.role, (m) => (m.rules[1].resources = ["*"]), 'rules[1].resources[0]: wildcard "*" is not allowed'],
    [
      "a subresource of every resource",
      f.role,
      (m) => (m.rules[1].resources = ["pods/exec", "*/scale"]),
      'rules[1].resources[1]: wildcard "*/scale" is not allowed',
    ],
    [
      "every subresource",
      f.role,
      (m) => (m.rules[1].resources = ["pods/*"]),
      'rules[1].resources[0]: wildcard "pods/*" is not allowed',
    ],
    ["verbs", f.role, (m) => (m.rules[2].verbs = ["get", "*"]), 'rules[2].verbs[1]: wildcard "*" is not allowed'],
    [
      "resourceNames",
      f.role,
      (m) => (m.rules[4].resourceNames = ["*"]),
      'rules[4].resourceNames[0]: wildcard "*" is not allowed',
    ],
    [
      "nonResourceURLs",
      f.clusterRole,
      (m) => (m.rules[1].nonResourceURLs = ["*"]),
      'rules[1].nonResourceURLs[0]: wildcard "*" is not allowed',
    ],
    [
      "a nonResourceURL prefix",
      f.clusterRole,
      (m) => (m.rules[1].nonResourceURLs = ["/metrics", "/debug/*"]),
      'rules[1].nonResourceURLs[1]: wildcard "/debug/*" is not allowed',
    ],
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
    const binding = mutate(
      f.roleBinding,
      (m) => (m.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }),
    );
    expect(checkRbac(binding)).toEqual(["roleRef.name: binding cluster-admin grants every permission"]);
  });

  it.each([["system:unauthenticated"], ["system:authenticated"], ["system:anonymous"]])(
    "reports a binding to group %s",
    (group) => {
      const binding = mutate(f.clusterRoleBinding, (m) =>
        m.subjects.push({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: group }),
      );
      expect(checkRbac(binding)).toEqual([`subjects[1].name: group "${group}" binds the role to every caller`]);
    },
  );
});
