import { isPlainObject } from "../json.js";
import { resolveRef, type SchemaNode } from "./load.js";

/**
 * The default value a schema node describes: its own `default`, with the defaults of its
 * properties filled into an object default. A property without a default stays absent (an
 * optional block such as token.existingSecret must not appear half-filled). values.yaml and the
 * runner-entry defaults the templates apply are both made from this, so neither can disagree
 * with the schema.
 */
export function defaultsOf(root: SchemaNode, node: SchemaNode, isRoot = true): unknown {
  const resolved = resolveRef(root, node);
  const own = isRoot && resolved.default === undefined ? {} : resolved.default;
  if (!isPlainObject(own) || !resolved.properties) return structuredClone(own);
  const result: Record<string, unknown> = structuredClone(own);
  for (const [key, child] of Object.entries(resolved.properties)) {
    if (key in result) continue;
    const value = defaultsOf(root, child, false);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
