import { readFileSync } from "node:fs";
import { schemaPath } from "../paths.js";

/** A JSON Schema node as values.schema.json uses them (draft-07). */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  definitions?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

let cached: SchemaNode | undefined;

/** values.schema.json, the single source of truth for values, read once. */
export function loadSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(schemaPath, "utf8")) as SchemaNode;
  return cached;
}

/** Follows local "#/definitions/..." references (the schema has no other kind). */
export function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  while (current.$ref) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $ref is supported, got ${ref}`);
    let target: unknown = root;
    for (const part of ref.slice(2).split("/")) {
      target = (target as Record<string, unknown>)[part];
    }
    if (!target || typeof target !== "object") throw new Error(`unresolved $ref ${ref}`);
    // Sibling keywords (description, default) of the $ref win over the target's.
    const { $ref: _ignored, ...siblings } = current;
    current = { ...(target as SchemaNode), ...siblings };
  }
  return current;
}
