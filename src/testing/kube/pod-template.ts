import { asArray, asObject, field, index, isObject, type JsonObject } from "./paths.js";

// Where the pod lives inside each workload kind, and each container of it with the path
// messages should name, so that every check reports `spec.template.spec.containers[0]...`.

export interface PodTemplate {
  readonly metadata: JsonObject;
  readonly spec: JsonObject;
  /** Where `spec` sits in the object, e.g. `spec.template.spec`. */
  readonly path: string;
}

const TEMPLATE_KINDS = new Set([
  "StatefulSet",
  "Deployment",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "ReplicationController",
]);

export function podTemplateOf(manifest: unknown): PodTemplate | undefined {
  const obj = asObject(manifest);
  const kind = obj?.kind;
  if (kind === "Pod") return template(obj, "");
  if (typeof kind === "string" && TEMPLATE_KINDS.has(kind))
    return template(asObject(asObject(obj?.spec)?.template), "spec.template");
  if (kind === "CronJob") {
    const job = asObject(asObject(obj?.spec)?.jobTemplate);
    return template(asObject(asObject(job?.spec)?.template), "spec.jobTemplate.spec.template");
  }
  return undefined;
}

function template(holder: JsonObject | undefined, path: string): PodTemplate | undefined {
  const spec = asObject(holder?.spec);
  if (!spec) return undefined;
  return { metadata: asObject(holder?.metadata) ?? {}, spec, path: field(path, "spec") };
}

export function podSpecOf(manifest: unknown): JsonObject | undefined {
  return podTemplateOf(manifest)?.spec;
}

export interface ContainerAt {
  readonly c: JsonObject;
  readonly path: string;
  readonly sc: JsonObject | undefined;
  readonly scPath: string;
}

/** Init, regular and ephemeral containers: admission checks all three lists alike. */
export function containersOf(spec: JsonObject, where: string): ContainerAt[] {
  return ["initContainers", "containers", "ephemeralContainers"].flatMap((list) =>
    asArray(spec[list]).flatMap((c, i) => {
      if (!isObject(c)) return [];
      const path = index(field(where, list), i);
      return [{ c, path, sc: asObject(c.securityContext), scPath: field(path, "securityContext") }];
    }),
  );
}
