import { asObject } from "./paths.js";
import { containersOf } from "./pod-template.js";

export { podSpecOf, podTemplateOf, type PodTemplate } from "./pod-template.js";

// Pod Security ("restricted") is checked by the API server's admission in tests/integration; a
// read-only root filesystem is not part of any Pod Security level, so this check stays here.

/** Not part of any PSS profile, but the hardening the chart promises for every container. */
export function checkReadOnlyRootFilesystem(podSpec: unknown, where = "spec"): string[] {
  const spec = asObject(podSpec);
  if (!spec) return [`${where}: pod spec must be an object`];
  return containersOf(spec, where)
    .filter(({ sc }) => sc?.readOnlyRootFilesystem !== true)
    .map(({ scPath }) => `${scPath}.readOnlyRootFilesystem: must be true`);
}
