// The values API (the package's "." entry): types, validation, defaults and merging of the chart's
// values, and where the chart sits. Rendering and cluster tests are in "./testing", the mock GitLab
// in "./mock-gitlab"; nothing here starts a process or loads a Kubernetes client.
export type * from "./generated/values.js";
export {
  validateValues,
  assertValidValues,
  defineValues,
  defaultValues,
  type ValidationResult,
} from "./values/validate.js";
export { mergeValues } from "./values/merge.js";
export { semanticProblems } from "./values/semantic-checks.js";
export {
  jobClusterPairing,
  jobClusterPairingOf,
  PAIRING_SECRET_KEYS,
  type JobClusterPairing,
  type JobClusterPairingOptions,
  type ExternalCluster,
} from "./job-cluster.js";
export { runnerConfigProblems, parseRunnerToml } from "./values/runner-config-check.js";
export { loadRunnerConfigModel, type RunnerConfigModel } from "./values/runner-config-model.js";
export { loadSchema } from "./schema/load.js";
export { chartRoot, schemaPath } from "./paths.js";
