import { defaultsOf } from "../../src/schema/defaults.js";
import { resolveRef, type SchemaNode } from "../../src/schema/load.js";

/**
 * Helm fills no schema defaults inside list items, so the templates merge each runner entry
 * over these, generated from the schema's runner definition.
 */
export function renderRunnerDefaultsTpl(schema: SchemaNode): string {
  const runners = resolveRef(schema, schema.properties?.runners ?? {});
  const defaults = defaultsOf(schema, runners.items ?? {}) ?? {};
  return [
    "{{/* GENERATED from values.schema.json by `npm run generate`: defaults of one runners[] entry. */}}",
    '{{- define "gitlab-runner-fleet.runnerDefaults" -}}',
    JSON.stringify(defaults),
    "{{- end -}}",
    "",
  ].join("\n");
}
