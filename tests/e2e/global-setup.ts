import type { TestProject } from "vitest/node";
import { kindPreflight, type Preflight } from "../../src/testing/kind/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    kindPreflight: Preflight;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const preflight = await kindPreflight();
  if (!preflight.ready) {
    // CI's kind job sets this: there a skip would hide a broken machine, so it is a failure.
    if (process.env.E2E_REQUIRED === "1")
      throw new Error(`e2e (kind) required by E2E_REQUIRED=1, but ${preflight.reason}`);
    process.stderr.write(`e2e (kind) skipped: ${preflight.reason}\n`);
  }
  project.provide("kindPreflight", preflight);
}
