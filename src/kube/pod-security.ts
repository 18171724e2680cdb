import { asObject, field } from "./paths.js";
import { containersOf, podTemplateOf } from "./pod-template.js";
import { baseline, restricted, type Ctx, type Level } from "./pss-rules.js";

export { podSpecOf, podTemplateOf, type PodTemplate } from "./pod-template.js";

// The Pod Security Standards as enforced by the pod-security-admission controller at version
// "latest" (k8s.io/pod-security-admission/policy, checked against its 1.37 sources): the rules,
// the allowed values, the Windows and user-namespace exemptions and the restricted checks that
// replace baseline ones all follow that code, so a pass here means `enforce: restricted` admits it.

/** Baseline profile: blocks known privilege escalations, admits a default pod. */
export function checkBaseline(podSpec: unknown, where = "spec", podMetadata?: unknown): string[] {
  return check(podSpec, where, podMetadata, "baseline");
}

/**
 * Restricted profile (which includes baseline). `where` is the path of `podSpec` in its object,
 * used in messages; `podMetadata` (the template's metadata) enables the AppArmor annotation check.
 */
export function checkRestricted(podSpec: unknown, where = "spec", podMetadata?: unknown): string[] {
  return check(podSpec, where, podMetadata, "restricted");
}

function check(podSpec: unknown, where: string, podMetadata: unknown, level: Level): string[] {
  const spec = asObject(podSpec);
  if (!spec) return [`${where}: pod spec must be an object`];
  const ctx: Ctx = {
    spec,
    where,
    metadataPath: where === "spec" || where.endsWith(".spec") ? `${where.slice(0, -"spec".length)}metadata` : "metadata",
    metadata: asObject(podMetadata) ?? {},
    podSc: asObject(spec.securityContext),
    podScPath: field(where, "securityContext"),
    containers: containersOf(spec, where),
    out: [],
    // Windows pods ignore Linux-only settings; PSA exempts them from these three restricted checks.
    windows: asObject(spec.os)?.name === "windows",
    // hostUsers=false (user namespaces) makes in-pod root unprivileged on the node.
    userNamespace: spec.hostUsers === false,
  };
  baseline(ctx, level);
  if (level === "restricted") restricted(ctx);
  return ctx.out;
}

/** Not part of any PSS profile, but the hardening the chart promises for every container. */
export function checkReadOnlyRootFilesystem(podSpec: unknown, where = "spec"): string[] {
  const spec = asObject(podSpec);
  if (!spec) return [`${where}: pod spec must be an object`];
  return containersOf(spec, where)
    .filter(({ sc }) => sc?.readOnlyRootFilesystem !== true)
    .map(({ scPath }) => `${scPath}.readOnlyRootFilesystem: must be true`);
}

/** checkRestricted on whatever pod template `manifest` carries; [] for kinds without one. */
export function checkRestrictedManifest(manifest: unknown): string[] {
  const template = podTemplateOf(manifest);
  if (!template) return [];
  return checkRestricted(template.spec, template.path, template.metadata);
}
