import { checkMonitoring, isMonitoringKind, MONITORING_API_VERSION } from "./monitoring.js";
import { modelErrors } from "./model-errors.js";
import { KIND_SCHEMAS } from "./models.js";
import { asObject, isObject } from "./paths.js";
import { unknownFields } from "./unknown-fields.js";

/**
 * Every problem the API server would reject (wrong type, missing required field, bad format)
 * plus every field it would silently drop (unknown at any depth), as `path: message`.
 * Empty means valid.
 */
export function validateManifest(manifest: unknown): string[] {
  if (!isObject(manifest)) return ["(root): manifest must be an object"];
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return [
      ...(typeof apiVersion === "string" ? [] : ["apiVersion: missing required field"]),
      ...(typeof kind === "string" ? [] : ["kind: missing required field"]),
    ];
  }
  const problems = [...checkName(manifest)];
  if (apiVersion === MONITORING_API_VERSION && isMonitoringKind(kind)) {
    return [...problems, ...checkMonitoring(manifest, kind)];
  }
  const schema = KIND_SCHEMAS[`${apiVersion}/${kind}`];
  if (!schema) return [`no schema for ${kind} ${apiVersion}`];
  const model = modelErrors(schema.model, manifest);
  // client-node's serializer throws on some wrong types (an object where a list belongs, a bad
  // timestamp), which would hide every unknown field elsewhere; values already reported as
  // wrong are taken out before the round trip.
  const checkable = model.badValues.length === 0 ? manifest : without(manifest, model.badValues);
  const unknown = checkable === undefined ? [] : unknownFields(checkable, schema.clientType);
  return [...problems, ...model.problems, ...unknown];
}

function without(manifest: Record<string, unknown>, pointers: readonly string[]): unknown {
  if (pointers.includes("")) return undefined;
  const copy: unknown = structuredClone(manifest);
  for (const pointer of pointers) {
    const keys = pointer.split("/").slice(1).map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = keys.pop();
    let parent: unknown = copy;
    for (const key of keys) parent = Array.isArray(parent) ? parent[Number(key)] : asObject(parent)?.[key];
    // null keeps the other list indexes, so later paths still name the right element.
    if (Array.isArray(parent)) parent[Number(last)] = null;
    else if (isObject(parent) && last !== undefined) delete parent[last];
  }
  return copy;
}

/** All problems of a rendered release, each prefixed `Kind/name: `, duplicates included. */
export function validateManifests(manifests: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  manifests.forEach((manifest, i) => {
    const label = labelOf(manifest, i);
    for (const problem of validateManifest(manifest)) problems.push(`${label}: ${problem}`);
    // Two objects with one identity: helm install fails, kubectl apply keeps the last silently.
    const identity = identityOf(manifest);
    if (identity !== undefined) {
      if (seen.has(identity)) problems.push(`${label}: duplicate object (same apiVersion group, kind, namespace and name)`);
      seen.add(identity);
    }
  });
  return problems;
}

function checkName(manifest: Record<string, unknown>): string[] {
  const metadata = asObject(manifest.metadata);
  if (typeof metadata?.name === "string" && metadata.name !== "") return [];
  if (typeof metadata?.generateName === "string" && metadata.generateName !== "") return [];
  return ["metadata.name: missing required field"];
}

function labelOf(manifest: unknown, i: number): string {
  const obj = asObject(manifest);
  const kind = typeof obj?.kind === "string" ? obj.kind : `#${i}`;
  const name = asObject(obj?.metadata)?.name;
  return `${kind}/${typeof name === "string" ? name : "(unnamed)"}`;
}

function identityOf(manifest: unknown): string | undefined {
  const obj = asObject(manifest);
  const metadata = asObject(obj?.metadata);
  if (typeof obj?.apiVersion !== "string" || typeof obj.kind !== "string" || typeof metadata?.name !== "string") {
    return undefined;
  }
  // apps/v1 and apps/v1beta2 Deployments are the same object: compare the group, not the version.
  const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : "";
  return `${group}|${obj.kind}|${namespace}|${metadata.name}`;
}
