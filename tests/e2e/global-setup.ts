import type { TestProject } from "vitest/node";
import { kindPreflight, type Preflight } from "../../src/testing/kind/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    kindPreflight: Preflight;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const preflight = await kindPreflight();
  if (!preflight.ready) process.stderr.write(`e2e (kind) skipped: ${preflight.reason}\n`);
  project.provide("kindPreflight", preflight);
}
