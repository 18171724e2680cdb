// Copies of the chart that differ in one thing, to price parts of values.schema.json and the
// files helm loads on every render. Each copy holds only what helm needs to render.
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { chartRoot } from "../../src/paths.js";

type Schema = Record<string, unknown>;

export interface ChartVariant {
  name: string;
  /** Returns the schema to write, or undefined for no values.schema.json at all. */
  schema: (schema: Schema) => Schema | undefined;
  readme?: boolean;
}

/** Removes `key` from every object in a JSON value. */
function withoutKey(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutKey(item, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== key)
        .map(([k, v]) => [k, withoutKey(v, key)]),
    );
  }
  return value;
}

/** Replaces one definition by a bare object schema (what the chart costs without typing that part). */
function looseDefinition(name: string): (schema: Schema) => Schema {
  return (schema) => {
    const definitions = { ...(schema.definitions as Record<string, unknown>) };
    definitions[name] = { type: "object" };
    return { ...schema, definitions };
  };
}

export const chartVariants: ChartVariant[] = [
  { name: "copy of the chart (no README.md)", schema: (s) => s },
  { name: "copy with README.md", schema: (s) => s, readme: true },
  { name: "no values.schema.json", schema: () => undefined },
  { name: "runner entry untyped (definitions.runner = object)", schema: looseDefinition("runner") },
  { name: "no descriptions", schema: (s) => withoutKey(s, "description") as Schema },
  { name: "no patterns", schema: (s) => withoutKey(s, "pattern") as Schema },
];

export async function writeVariant(dir: string, variant: ChartVariant): Promise<string> {
  const target = join(dir, variant.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase());
  await mkdir(target, { recursive: true });
  for (const entry of ["Chart.yaml", "values.yaml", "templates", "files", ...(variant.readme ? ["README.md"] : [])]) {
    await cp(join(chartRoot, entry), join(target, entry), { recursive: true });
  }
  const schema = variant.schema(JSON.parse(await readFile(join(chartRoot, "values.schema.json"), "utf8")) as Schema);
  if (schema) await writeFile(join(target, "values.schema.json"), JSON.stringify(schema, null, 2));
  return target;
}

/**
 * A chart whose templates are our rendered output as plain text (same files, same schema unless
 * `schema` is false): helm's cost for this output with no template work at all, the floor any
 * template change can reach.
 */
export async function writeStaticChart(dir: string, name: string, rendered: string, schema: boolean): Promise<string> {
  const target = join(dir, name);
  await mkdir(join(target, "templates"), { recursive: true });
  for (const entry of ["Chart.yaml", "values.yaml", ...(schema ? ["values.schema.json"] : [])]) {
    await cp(join(chartRoot, entry), join(target, entry));
  }
  const files = new Map<string, string[]>();
  for (const part of rendered.split("---\n# Source: ").slice(1)) {
    const newline = part.indexOf("\n");
    const path = part.slice(part.indexOf("/") + 1, newline);
    files.set(path, [...(files.get(path) ?? []), part.slice(newline + 1)]);
  }
  for (const [path, documents] of files) {
    const text = documents.join("---\n");
    if (text.includes("{{"))
      throw new Error(`${path}: rendered output contains "{{", cannot be used as a static template`);
    await mkdir(dirname(join(target, path)), { recursive: true }); // templates/tests/
    await writeFile(join(target, path), text);
  }
  return target;
}
