import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderValuesTypes, typeNameOf } from "../../../scripts/codegen/types.js";
import { chartRoot } from "../../../src/paths.js";
import { loadSchema } from "../../../src/schema/load.js";

/** Names of every exported type in the generated module. */
function exportedTypes(source: string): string[] {
  return [...source.matchAll(/^export (?:type|interface) (\w+)/gm)].map((match) => match[1] ?? "");
}

describe("generated values types", () => {
  const source = readFileSync(join(chartRoot, "src/generated/values.ts"), "utf8");
  const names = exportedTypes(source);

  it("declares each type once, without numbered copies of a definition", () => {
    expect(names.filter((name) => /\d$/.test(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("names one type per schema definition after the definition, plus Values", () => {
    const definitions = Object.keys((loadSchema() as { definitions: Record<string, unknown> }).definitions);
    expect([...names].sort()).toEqual(["Values", ...definitions.map(typeNameOf)].sort());
  });

  it("keeps a $ref's sibling description as the property's doc comment", async () => {
    const schema = {
      type: "object",
      additionalProperties: false,
      properties: {
        build: { $ref: "#/definitions/limits", description: "Limits of the build container.", default: {} },
      },
      definitions: { limits: { type: "object", additionalProperties: false, properties: { cpu: { type: "string" } } } },
    };
    const out = await renderValuesTypes(schema);
    expect(out).toContain("Limits of the build container.");
    expect(out).toMatch(/build\?: Limits;/);
    expect(exportedTypes(out)).toEqual(["Values", "Limits"]);
  });
});
