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
    process.stderr.write(`runner tier skipped: ${name} not found (PATH or ${envVar}): ${install}\n`);
  }
  project.provide("gitlabRunnerBin", bin);
}
