// chart-testing (`ct`) with the repo's ct.yaml: lint every ci/*-values.yaml scenario, or install each into the
// current kube context.
import { join } from "node:path";
import { chartRoot } from "../../paths.js";
import { requireTool, TOOLS } from "./binaries.js";
import { runStep, type StepOptions } from "./progress.js";

export const ctConfigPath = join(chartRoot, "ct.yaml");

export function ctLintArgs(configPath = ctConfigPath): string[] {
  return ["lint", "--config", configPath];
}

export function ctInstallArgs(configPath = ctConfigPath): string[] {
  return ["install", "--config", configPath];
}

export async function ctLint(step: StepOptions = {}): Promise<void> {
  await runStep("ct lint", requireTool(TOOLS.ct, step.env), ctLintArgs(), { cwd: chartRoot, ...step });
}

/** ct reads the cluster from KUBECONFIG, so the kind cluster's file is passed that way. */
export async function ctInstall(kubeconfigPath: string, step: StepOptions = {}): Promise<void> {
  const env = { ...process.env, ...step.env, KUBECONFIG: kubeconfigPath };
  await runStep("ct install", requireTool(TOOLS.ct, env), ctInstallArgs(), { cwd: chartRoot, ...step, env });
}
