import { compile } from "json-schema-to-typescript";
import type { SchemaNode } from "../../src/schema/load.js";

const BANNER = `/* GENERATED from values.schema.json by \`npm run generate\`: edit the schema, not this file. */`;

/** The Values type and one named type per definition, for users' per-cluster TS tooling. */
export async function renderValuesTypes(schema: SchemaNode): Promise<string> {
  return compile(structuredClone(schema) as Parameters<typeof compile>[0], "Values", {
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: false, printWidth: 110 },
  });
}
