import type { TestProject } from "vitest/node";
import { locateTool, TOOLS } from "../../src/testing/kind/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    gitlabRunnerBin: string | null;
  }
}

export default function setup(project: TestProject): void {
  const bin = locateTool(TOOLS.gitlabRunner) ?? null;
  if (bin === null) {
    const { name, envVar, install } = TOOLS.gitlabRunner;
    const reason = `${name} not found (PATH or ${envVar}): ${install}`;
    // CI's runner job sets this: there a skip would hide a failed download, so it is a failure.
    if (process.env.RUNNER_TIER_REQUIRED === "1")
      throw new Error(`runner tier required by RUNNER_TIER_REQUIRED=1, but ${reason}`);
    process.stderr.write(`runner tier skipped: ${reason}\n`);
  }
  project.provide("gitlabRunnerBin", bin);
}
