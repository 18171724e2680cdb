// Offline checks the API server does not make: the chart's read-only root filesystem promise and
// its RBAC policy (no wildcards, no escalating verbs). Object validity, Pod Security and what the
// Role grants are checked by a real API server in tests/integration.
export { checkReadOnlyRootFilesystem, podSpecOf, podTemplateOf, type PodTemplate } from "./pod-security.js";
export { checkRbac } from "./rbac.js";
