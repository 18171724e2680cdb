import { compile } from "json-schema-to-typescript";
import { isPlainObject } from "../../src/json.js";
import type { SchemaNode } from "../../src/schema/load.js";

const BANNER = `/* GENERATED from values.schema.json by \`npm run generate\`: edit the schema, not this file. */`;

/**
 * Conditional rules (if/then/else: token prefixes, cache backends, no registration block with a
 * glrt- token) constrain values, not their shape; left in, the generator repeats whole types as
 * intersections. The types keep the shape, ajv and helm keep the rules.
 */
function withoutConditionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutConditionals);
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "if" || key === "then" || key === "else") continue;
    if (key === "allOf" && Array.isArray(value) && value.every((entry) => isPlainObject(entry) && "if" in entry))
      continue;
    // "exactly one of these keys" (oneOf of bare `required` lists) is a rule too, not a shape.
    if (
      key === "oneOf" &&
      Array.isArray(value) &&
      value.every((entry) => isPlainObject(entry) && Object.keys(entry).join() === "required")
    )
      continue;
    out[key] = withoutConditionals(value);
  }
  return out;
}

const DEFINITION_REF = /^#\/definitions\/([^/]+)$/;

/** The exported type name of a definition: `k8sName` → `K8SName`, `jobResources` → `JobResources`. */
export function typeNameOf(definition: string): string {
  return (
    definition.charAt(0).toUpperCase() +
    definition.slice(1).replace(/(\d)([a-z])/g, (_, digit: string, letter: string) => digit + letter.toUpperCase())
  );
}

/**
 * A `$ref` with a sibling `description`/`default` is, to the generator, a new schema: it emits the
 * referenced type again under a numbered name (`JobResources1`, `StringMap7`). Pointing every
 * `$ref` at the definition's type by name (`tsType`) keeps the property's description for the
 * doc comment and emits each definition once, under its own name.
 */
function refsByName(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refsByName);
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const definition = DEFINITION_REF.exec(value)?.[1];
      if (definition === undefined)
        throw new Error(`unsupported $ref ${value}: only #/definitions/<name> is generated`);
      out.tsType = typeNameOf(definition);
      continue;
    }
    out[key] = refsByName(value);
  }
  return out;
}

/** Every definition titled with its type name, so it is declared once under the name `tsType` uses. */
function withTitledDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const definitions = (schema.definitions ?? {}) as Record<string, Record<string, unknown>>;
  return {
    ...schema,
    definitions: Object.fromEntries(
      Object.entries(definitions).map(([name, definition]) => [name, { ...definition, title: typeNameOf(name) }]),
    ),
  };
}

/** The Values type and one named type per definition, for users' per-cluster TS tooling. */
export async function renderValuesTypes(schema: SchemaNode): Promise<string> {
  const prepared = refsByName(withTitledDefinitions(withoutConditionals(schema) as Record<string, unknown>));
  return compile(prepared as Parameters<typeof compile>[0], "Values", {
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: false, printWidth: 110 },
  });
}
