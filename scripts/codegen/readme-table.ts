import { resolveRef, type SchemaNode } from "../../src/schema/load.js";
import { VALUE_SECTIONS } from "./sections.js";

interface Row {
  path: string;
  type: string;
  default: string;
  description: string;
}

function typeOf(node: SchemaNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  if (
    node.type === "array" &&
    node.items?.type &&
    typeof node.items.type === "string" &&
    node.items.type !== "object"
  ) {
    return `${node.items.type}[]`;
  }
  return node.type ?? "any";
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** One row per documented key, walking objects and the items of object lists (as `list[].key`). */
function collect(root: SchemaNode, node: SchemaNode, prefix: string, rows: Row[]): void {
  const schema = resolveRef(root, node);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const resolved = resolveRef(root, child);
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push({
      path,
      type: typeOf(resolved),
      default: resolved.default === undefined ? "" : `\`${JSON.stringify(resolved.default)}\``,
      description: resolved.description ?? "",
    });
    if (resolved.properties) collect(root, resolved, path, rows);
    const items = resolved.items ? resolveRef(root, resolved.items) : undefined;
    if (items?.properties) collect(root, items, `${path}[]`, rows);
  }
}

/** Top-level keys per section, in schema order; throws on a key in no section, two, or none of the schema's. */
export function sectionKeys(schema: SchemaNode, sections = VALUE_SECTIONS): Map<string, string[]> {
  const schemaKeys = Object.keys(schema.properties ?? {});
  const sectionOf = new Map<string, string>();
  const problems: string[] = [];
  for (const { title, keys } of sections) {
    for (const key of keys) {
      if (sectionOf.has(key)) problems.push(`${key} is listed in both "${sectionOf.get(key)}" and "${title}"`);
      else if (!schemaKeys.includes(key))
        problems.push(`${key} (section "${title}") is not a top-level key of values.schema.json`);
      sectionOf.set(key, title);
    }
  }
  for (const key of schemaKeys)
    if (!sectionOf.has(key)) problems.push(`${key} is in no section of scripts/codegen/sections.ts`);
  if (problems.length > 0) throw new Error(`README values sections:\n  ${problems.join("\n  ")}`);
  return new Map(sections.map(({ title }) => [title, schemaKeys.filter((key) => sectionOf.get(key) === title)]));
}

/** One table per section, each row a documented key (objects and the items of object lists walked). */
export function renderValuesTable(schema: SchemaNode): string {
  const out: string[] = [];
  for (const [title, keys] of sectionKeys(schema)) {
    const rows: Row[] = [];
    collect(
      schema,
      { properties: Object.fromEntries(keys.map((key) => [key, schema.properties?.[key] ?? {}])) },
      "",
      rows,
    );
    out.push(`### ${title}`, "", "| Key | Type | Default | Description |", "|---|---|---|---|");
    for (const row of rows) {
      out.push(`| \`${row.path}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

export const TABLE_START = "<!-- values-table:start (generated from values.schema.json by npm run generate) -->";
export const TABLE_END = "<!-- values-table:end -->";

/** Replaces the table between the markers, leaving the hand-written README around it alone. */
export function spliceTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md must contain ${TABLE_START} and ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
