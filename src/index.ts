// Public API of the gitlab-runner-fleet package.
export type * from "./generated/values.js";
export { validateValues, assertValidValues, defineValues, defaultValues, type ValidationResult } from "./values/validate.js";
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
export {
  renderChart,
  parseManifests,
  findObject,
  findObjects,
  statefulSetOf,
  configMapOf,
  configTomlOf,
  RenderError,
  RENDER_DEFAULTS,
  type RenderOptions,
  type Rendered,
  type KubeObject,
} from "./render.js";
export { helmBinary, installHelm, type HelmMajor } from "./tools.js";
export { loadSchema, schemaPath, chartRoot } from "./schema/load.js";
export { checkReadOnlyRootFilesystem, checkRbac, podSpecOf } from "./kube/index.js";
