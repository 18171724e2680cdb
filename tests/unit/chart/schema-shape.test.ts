import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { chartRoot } from "../../../src/paths.js";
import { loadSchema, resolveRef, type SchemaNode } from "../../../src/schema/load.js";

interface Visit {
  path: string;
  node: SchemaNode;
}

/** Every property schema reachable from the root, with its path, refs followed. */
function walk(root: SchemaNode): Visit[] {
  const out: Visit[] = [];
  const visit = (node: SchemaNode, path: string, depth: number) => {
    if (depth > 12) return;
    const resolved = resolveRef(root, node);
    out.push({ path, node: resolved });
    for (const [key, child] of Object.entries(resolved.properties ?? {})) visit(child, `${path}.${key}`, depth + 1);
    if (resolved.items) visit(resolved.items, `${path}[]`, depth + 1);
  };
  visit(root, "(root)", 0);
  return out;
}

describe("values.schema.json", () => {
  const schema = loadSchema();
  const nodes = walk(schema);

  it("declares its draft, so helm 4 does not assume 2020-12", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("describes every property", () => {
    const undocumented = nodes.filter(
      ({ path, node }) => path !== "(root)" && !path.endsWith("[]") && !node.description,
    );
    expect(undocumented.map(({ path }) => path)).toEqual([]);
  });

  it("closes every object with properties (typos fail)", () => {
    const open = nodes.filter(
      ({ node }) => node.properties && node.additionalProperties !== false && !node.propertyNames,
    );
    expect(open.map(({ path }) => path)).toEqual([]);
  });

  it("uses only local $refs", () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.filter((ref) => !ref.startsWith('"$ref":"#/'))).toEqual([]);
  });
});

describe("generated files", () => {
  it("are up to date with the schema", async () => {
    // node --import tsx: the same script as `npm run generate:check`, without npx's ~0.7 s cpu start-up.
    const result = await execa(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--check"], {
      cwd: chartRoot,
      reject: false,
    });
    expect(result.stderr + result.stdout).toContain("generated files are up to date");
    expect(result.exitCode).toBe(0);
  });
});
