import { isPlainObject } from "../json.js";

/**
 * Merges values the way helm coalesces a values file over the chart's values.yaml: maps merge
 * deeply, lists and scalars replace, and null deletes a default (how a user drops runAsUser
 * for OpenShift). Validation then sees exactly what helm's schema check sees.
 */
export function mergeValues(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  const result: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete result[key];
    else result[key] = key in result ? mergeValues(result[key], value) : dropNulls(value);
  }
  return result;
}

function dropNulls(value: unknown): unknown {
  if (!isPlainObject(value)) return structuredClone(value);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, dropNulls(v)]),
  );
}
