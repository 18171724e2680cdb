import { asArray, asObject, field, index, show } from "./paths.js";

// Least privilege for the runner's Role: wildcards silently grow with every new resource or
// verb the cluster learns, and escalate/bind/impersonate let a holder grant itself more.

const RULE_LISTS = ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"] as const;
const ESCALATING_VERBS = new Set(["escalate", "bind", "impersonate"]);
const ROLE_KINDS = new Set(["Role", "ClusterRole"]);
const BINDING_KINDS = new Set(["RoleBinding", "ClusterRoleBinding"]);
const OPEN_GROUPS = new Set(["system:anonymous", "system:unauthenticated", "system:authenticated"]);

/** Problems in a Role/ClusterRole/RoleBinding/ClusterRoleBinding; [] for any other kind. */
export function checkRbac(manifest: unknown): string[] {
  const obj = asObject(manifest);
  const kind = obj?.kind;
  if (typeof kind !== "string") return [];
  if (ROLE_KINDS.has(kind)) return checkRules(obj?.rules);
  if (BINDING_KINDS.has(kind)) return checkBinding(obj ?? {});
  return [];
}

function checkRules(rules: unknown): string[] {
  const out: string[] = [];
  asArray(rules).forEach((rule, r) => {
    const ruleObj = asObject(rule);
    const rulePath = index("rules", r);
    for (const list of RULE_LISTS) {
      asArray(ruleObj?.[list]).forEach((value, i) => {
        const path = index(field(rulePath, list), i);
        // Partial wildcards ("*/scale", "/metrics/*") widen just as silently as a bare "*".
        if (typeof value === "string" && value.includes("*"))
          out.push(`${path}: wildcard ${show(value)} is not allowed`);
        if (list === "verbs" && typeof value === "string" && ESCALATING_VERBS.has(value)) {
          out.push(`${path}: verb ${show(value)} allows privilege escalation`);
        }
      });
    }
  });
  return out;
}

function checkBinding(binding: Record<string, unknown>): string[] {
  const out: string[] = [];
  const roleRef = asObject(binding.roleRef);
  if (roleRef?.kind === "ClusterRole" && roleRef.name === "cluster-admin") {
    out.push("roleRef.name: binding cluster-admin grants every permission");
  }
  asArray(binding.subjects).forEach((subject, i) => {
    const s = asObject(subject);
    if (s?.kind === "Group" && typeof s.name === "string" && OPEN_GROUPS.has(s.name)) {
      out.push(`${index("subjects", i)}.name: group ${show(s.name)} binds the role to every caller`);
    }
    if (s?.kind === "User" && s.name === "system:anonymous") {
      out.push(`${index("subjects", i)}.name: user "system:anonymous" binds the role to unauthenticated callers`);
    }
  });
  return out;
}
