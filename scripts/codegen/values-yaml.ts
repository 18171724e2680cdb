import { Document, isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { defaultsOf } from "../../src/schema/defaults.js";
import { resolveRef, type SchemaNode } from "../../src/schema/load.js";

const HEADER = `# Default values of gitlab-runner-fleet.
# GENERATED from values.schema.json by \`npm run generate\`: edit the schema, not this file.
# Required: gitlabUrl and at least one entry in runners (see the example above runners), except in
# job-cluster mode (jobCluster.enabled), which installs no managers.
`;

/** Comments end near this column, so values.yaml reads without side-scrolling. */
const COMMENT_WIDTH = 100;
/** yaml indents a nested map by two columns per level. */
const INDENT = 2;

/** Splits text into lines of at most `width` characters, at spaces (a longer word keeps its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Comment lines (without `#`) for text at `column`, each ` `-prefixed as yaml prints `#` then the line. */
function commentLines(text: string, column: number): string[] {
  return wrap(text, COMMENT_WIDTH - column - "# ".length).map((line) => ` ${line}`);
}

/** The commented-out, annotated example of a list of objects (schema `examples`), shown above its key. */
function commentedExample(root: SchemaNode, key: string, node: SchemaNode, example: unknown, column: number): string[] {
  const doc = new Document({ [key]: example });
  if (isMap(doc.contents)) {
    annotate(root, doc.contents, { type: "object", properties: { [key]: node } }, column + "# ".length, false);
    const top = doc.contents.items[0]?.key;
    if (isScalar(top)) top.commentBefore = undefined; // the key's description is already above the example
  }
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split("\n")
    .map((line) => ` ${line}`);
}

/** Puts each property's description above its key, recursing into object defaults and list items. */
function annotate(root: SchemaNode, map: YAMLMap, node: SchemaNode, column: number, withExamples = true): void {
  const schema = resolveRef(root, node);
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const child = schema.properties?.[key];
    if (!child) continue;
    const resolved = resolveRef(root, child);
    const lines = commentLines(resolved.description ?? "", column);
    if (resolved.enum)
      lines.push(...commentLines(`One of: ${resolved.enum.map((v) => JSON.stringify(v)).join(", ")}.`, column));
    for (const example of withExamples ? (resolved.examples ?? []) : []) {
      lines.push(" For example (uncomment and adapt):", ...commentedExample(root, key, child, example, column));
    }
    pair.key.commentBefore = lines.join("\n");
    if (column === 0) pair.key.spaceBefore = true;
    if (isMap(pair.value)) annotate(root, pair.value, child, column + INDENT, withExamples);
    const items = resolved.items ? resolveRef(root, resolved.items) : undefined;
    if (isSeq(pair.value) && items) {
      for (const item of pair.value.items)
        if (isMap(item)) annotate(root, item, items, column + 2 * INDENT, withExamples);
    }
  }
}

export function renderValuesYaml(schema: SchemaNode): string {
  const doc = new Document(defaultsOf(schema, schema));
  if (isMap(doc.contents)) annotate(schema, doc.contents, schema, 0);
  return HEADER + doc.toString({ lineWidth: 0 });
}
