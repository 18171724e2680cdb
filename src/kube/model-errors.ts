import { at, field, fromPointer, show, valueAt } from "./paths.js";
import type { ModelClass } from "./models.js";

// kubernetes-models throws one ValidationError carrying ajv's error list (allErrors mode).
// We turn each into `path: message` and fold the noise ajv produces for int-or-string and
// quantity fields (one error per failed oneOf branch) into a single line.

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function isAjvErrorList(value: unknown): value is AjvError[] {
  return Array.isArray(value) && value.every((e) => typeof e?.instancePath === "string" && typeof e?.keyword === "string");
}

export interface ModelErrors {
  readonly problems: string[];
  /** JSON pointers of values with a wrong type or format (not of objects missing a field). */
  readonly badValues: string[];
}

export function modelErrors(model: ModelClass, manifest: unknown): ModelErrors {
  try {
    new model(manifest as never).validate();
    return { problems: [], badValues: [] };
  } catch (error) {
    const list = (error as { errors?: unknown }).errors;
    if (!isAjvErrorList(list)) {
      return { problems: [`(root): ${error instanceof Error ? error.message : String(error)}`], badValues: [""] };
    }
    const badValues = [...new Set(list.filter((e) => e.keyword !== "required").map((e) => e.instancePath))];
    return { problems: formatErrors(list, manifest), badValues };
  }
}

function formatErrors(errors: AjvError[], manifest: unknown): string[] {
  const byPointer = new Map<string, AjvError[]>();
  for (const e of errors) byPointer.set(e.instancePath, [...(byPointer.get(e.instancePath) ?? []), e]);
  const out: string[] = [];
  for (const [pointer, group] of byPointer) {
    const path = fromPointer(pointer, manifest);
    const got = `got ${show(valueAt(pointer, manifest))}`;
    if (group.some((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
      out.push(`${at(path)}: ${describeAlternatives(group)}, ${got}`);
      continue;
    }
    for (const e of group) {
      if (e.keyword === "required") {
        out.push(`${field(path, String(e.params.missingProperty))}: missing required field`);
      } else if (e.keyword === "type") {
        out.push(`${at(path)}: must be ${String(e.params.type)}, ${got}`);
      } else if (e.keyword === "enum") {
        out.push(`${at(path)}: must be one of ${(e.params.allowedValues as unknown[]).map(String).join(", ")}, ${got}`);
      } else {
        out.push(`${at(path)}: ${e.message ?? e.keyword}, ${got}`);
      }
    }
  }
  return out;
}

function describeAlternatives(group: AjvError[]): string {
  const formats = group.filter((e) => e.keyword === "format").map((e) => String(e.params.format));
  if (formats.includes("quantity")) return "must be a number or a quantity string such as 500m or 1Gi";
  const types = group.filter((e) => e.keyword === "type").map((e) => String(e.params.type));
  if (types.includes("string") && types.includes("integer")) return "must be an integer or a string (int-or-string)";
  return group
    .filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf")
    .map((e) => e.message ?? e.keyword)
    .join(" or ");
}
