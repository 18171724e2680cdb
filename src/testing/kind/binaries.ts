// Finds the external tools the kind tier needs, or says in one line how to get the missing one.
import { accessSync, constants } from "node:fs";
import { readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { parse } from "yaml";
import { chartRoot } from "../../paths.js";

/** kind release the e2e tier and CI use (CI installs it with the same `go install` line). */
export const KIND_VERSION = "v0.30.0";
/** chart-testing release CI installs (helm/chart-testing-action input `version`). */
export const CT_VERSION = "v3.12.0";

/** The gitlab-runner release the chart ships, from Chart.yaml. */
export const runnerAppVersion: string = String(parse(readFileSync(join(chartRoot, "Chart.yaml"), "utf8")).appVersion);

/** GitLab's official download URL of a runner release binary (CI fetches the same URL). */
export function runnerDownloadUrl(version: string, arch = "amd64"): string {
  return `https://gitlab-runner-downloads.s3.amazonaws.com/v${version}/binaries/gitlab-runner-linux-${arch}`;
}

export interface ToolSpec {
  /** Name on PATH. */
  name: string;
  /** Environment variable that overrides the path. */
  envVar: string;
  /** How to get it, for the one-line error. */
  install: string;
}

export const TOOLS = {
  docker: {
    name: "docker",
    envVar: "DOCKER_BIN",
    install: "install Docker Engine (https://docs.docker.com/engine/install/)",
  },
  kind: { name: "kind", envVar: "KIND_BIN", install: `go install sigs.k8s.io/kind@${KIND_VERSION}` },
  ct: {
    name: "ct",
    envVar: "CT_BIN",
    install: `download chart-testing ${CT_VERSION} from https://github.com/helm/chart-testing/releases (it needs yamllint and yamale on PATH)`,
  },
  gitlabRunner: {
    name: "gitlab-runner",
    envVar: "GITLAB_RUNNER_BIN",
    install: `download ${runnerDownloadUrl(runnerAppVersion)} and set GITLAB_RUNNER_BIN to it`,
  },
} as const satisfies Record<string, ToolSpec>;

export class MissingToolError extends Error {
  constructor(readonly tool: ToolSpec) {
    super(`${tool.name} not found (PATH or ${tool.envVar}): ${tool.install}`);
    this.name = "MissingToolError";
  }
}

/** The tool's path from its env variable or PATH; undefined when neither has an executable file. */
export function locateTool(tool: ToolSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[tool.envVar];
  if (override) return isExecutable(override) ? override : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, tool.name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Like locateTool, but a missing tool is a MissingToolError naming how to install it. */
export function requireTool(tool: ToolSpec, env: NodeJS.ProcessEnv = process.env): string {
  const path = locateTool(tool, env);
  if (path === undefined) throw new MissingToolError(tool);
  return path;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
