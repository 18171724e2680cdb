// The testing harness (the package's "./testing" entry): render the chart with helm and read the
// objects, the offline checks no API server makes, and a real control plane to install it on.
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
export { helmBinary, type HelmMajor } from "./helm-binary.js";
export { checkReadOnlyRootFilesystem, checkRbac, podSpecOf, podTemplateOf, type PodTemplate } from "./kube/index.js";
export * from "./cluster/index.js";
