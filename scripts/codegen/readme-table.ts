import { resolveRef, type SchemaNode } from "../../src/schema/load.js";

interface Row {
  path: string;
  type: string;
  default: string;
  description: string;
}

function typeOf(node: SchemaNode): string {
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  if (node.type === "array" && node.items?.type && typeof node.items.type === "string" && node.items.type !== "object") {
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

export function renderValuesTable(schema: SchemaNode): string {
  const rows: Row[] = [];
  collect(schema, schema, "", rows);
  const lines = ["| Key | Type | Default | Description |", "|---|---|---|---|"];
  for (const row of rows) {
    lines.push(`| \`${row.path}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`);
  }
  return lines.join("\n");
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
