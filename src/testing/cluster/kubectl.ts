import { existsSync } from "node:fs";
import { join } from "node:path";
import { findOnPath, toolsDir } from "../helm-binary.js";

/** Where `npm run setup` extracts kubectl (scripts/install/helm.ts, from the helm 4 package). */
export const kubectlSetupPath = join(toolsDir, "kubectl");

/**
 * A kubectl for running the chart's own scripts against a test cluster: KUBECTL when set, else the
 * copy `npm run setup` extracted in this repository, else kubectl on PATH.
 */
export function kubectlBinary(): string {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  if (existsSync(kubectlSetupPath)) return kubectlSetupPath;
  const onPath = findOnPath("kubectl");
  if (onPath) return onPath;
  throw new Error(
    "kubectl not found: set KUBECTL or put kubectl on PATH (in the gitlab-runner-fleet repository, `npm run setup` installs it)",
  );
}
