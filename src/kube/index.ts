export { validateManifest, validateManifests } from "./validate.js";
export {
  checkBaseline,
  checkReadOnlyRootFilesystem,
  checkRestricted,
  checkRestrictedManifest,
  podSpecOf,
  podTemplateOf,
  type PodTemplate,
} from "./pod-security.js";
export { checkRbac, rulesAllow, type PolicyRule } from "./rbac.js";
