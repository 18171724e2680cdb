// Builds the images the kind tier loads into the cluster (today: the mock GitLab).
import { join } from "node:path";
import { chartRoot } from "../../paths.js";
import { requireTool, TOOLS } from "./binaries.js";
import { runStep, type StepOptions } from "./progress.js";

/** The mock GitLab image: the tag deploy/mock-gitlab/mock-gitlab.yaml runs (its test checks they agree). */
export const MOCK_GITLAB_IMAGE = "gitlab-runner-fleet/mock-gitlab:dev";
export const MOCK_GITLAB_DOCKERFILE = join(chartRoot, "deploy", "mock-gitlab", "Dockerfile");

export interface ImageBuild {
  dockerfile: string;
  tag: string;
  /** Build context; the repo root for the mock, whose Dockerfile.dockerignore keeps it to the mock's sources. */
  context: string;
}

export function dockerBuildArgs(build: ImageBuild): string[] {
  return ["build", "--file", build.dockerfile, "--tag", build.tag, build.context];
}

export async function buildImage(build: ImageBuild, opts: StepOptions = {}): Promise<void> {
  // BuildKit reads <Dockerfile>.dockerignore; the legacy builder would send the whole repo, node_modules included.
  const env = { ...process.env, ...opts.env, DOCKER_BUILDKIT: "1" };
  await runStep(`docker: build ${build.tag}`, requireTool(TOOLS.docker, env), dockerBuildArgs(build), { ...opts, env });
}

export const mockGitLabImageBuild: ImageBuild = {
  dockerfile: MOCK_GITLAB_DOCKERFILE,
  tag: MOCK_GITLAB_IMAGE,
  context: chartRoot,
};
