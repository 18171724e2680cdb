import { Document, isMap, isScalar, type YAMLMap } from "yaml";
import { defaultsOf } from "../../src/schema/defaults.js";
import { resolveRef, type SchemaNode } from "../../src/schema/load.js";

const HEADER = `# Default values of gitlab-runner-fleet.
# GENERATED from values.schema.json by \`npm run generate\`: edit the schema, not this file.
# Required: gitlabUrl and at least one entry in runners (see the example under runners).
`;

/** Puts each property's description above its key, recursing into object defaults. */
function annotate(root: SchemaNode, map: YAMLMap, node: SchemaNode, depth: number): void {
  const schema = resolveRef(root, node);
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const child = schema.properties?.[String(pair.key.value)];
    if (!child) continue;
    const resolved = resolveRef(root, child);
    const lines = [` ${resolved.description ?? ""}`];
    if (resolved.enum) lines.push(` One of: ${resolved.enum.map((v) => JSON.stringify(v)).join(", ")}.`);
    for (const example of resolved.examples ?? []) {
      const exampleDoc = new Document({ [String(pair.key.value)]: example });
      lines.push(" For example:", ...exampleDoc.toString().trimEnd().split("\n").map((l) => ` ${l}`));
    }
    pair.key.commentBefore = lines.join("\n");
    if (depth === 0) pair.key.spaceBefore = true;
    if (isMap(pair.value)) annotate(root, pair.value, child, depth + 1);
  }
}

export function renderValuesYaml(schema: SchemaNode): string {
  const doc = new Document(defaultsOf(schema, schema));
  if (isMap(doc.contents)) annotate(schema, doc.contents, schema, 0);
  return HEADER + doc.toString({ lineWidth: 0 });
}
