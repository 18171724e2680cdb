export {
  CT_VERSION,
  KIND_VERSION,
  locateTool,
  MissingToolError,
  requireTool,
  runnerAppVersion,
  runnerDownloadUrl,
  TOOLS,
  type ToolSpec,
} from "./binaries.js";
export { ctConfigPath, ctInstall, ctInstallArgs, ctLint, ctLintArgs } from "./chart-testing.js";
export {
  helmReleaseStatus,
  helmUninstall,
  helmUninstallArgs,
  helmUpgradeInstall,
  helmUpgradeInstallArgs,
  type InstallOptions,
  type Release,
} from "./helm.js";
export {
  createKindCluster,
  deleteKindCluster,
  kindCreateArgs,
  kindDeleteArgs,
  kindLoadArgs,
  loadImages,
  type KindCluster,
} from "./kind.js";
export { kindPreflight, type Preflight } from "./preflight.js";
export { runStep, type StepOptions } from "./progress.js";
export {
  buildImage,
  dockerBuildArgs,
  MOCK_GITLAB_DOCKERFILE,
  MOCK_GITLAB_IMAGE,
  mockGitLabImageBuild,
  type ImageBuild,
} from "./docker.js";
