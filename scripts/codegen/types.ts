import { compile } from "json-schema-to-typescript";
import type { SchemaNode } from "../../src/schema/load.js";

const BANNER = `/* GENERATED from values.schema.json by \`npm run generate\`: edit the schema, not this file. */`;

/**
 * Conditional rules (if/then/else: token prefixes, cache backends, no registration block with a
 * glrt- token) constrain values, not their shape; left in, the generator repeats whole types as
 * intersections. The types keep the shape, ajv and helm keep the rules.
 */
function withoutConditionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutConditionals);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "if" || key === "then" || key === "else") continue;
    if (key === "allOf" && Array.isArray(value) && value.every((entry) => typeof entry === "object" && entry !== null && "if" in entry)) continue;
    // "exactly one of these keys" (oneOf of bare `required` lists) is a rule too, not a shape.
    if (key === "oneOf" && Array.isArray(value) && value.every((entry) => typeof entry === "object" && entry !== null && Object.keys(entry).join() === "required")) continue;
    out[key] = withoutConditionals(value);
  }
  return out;
}

/** The Values type and one named type per definition, for users' per-cluster TS tooling. */
export async function renderValuesTypes(schema: SchemaNode): Promise<string> {
  return compile(withoutConditionals(schema) as Parameters<typeof compile>[0], "Values", {
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: false, printWidth: 110 },
  });
}
