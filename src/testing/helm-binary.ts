import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { execaSync } from "execa";
import { chartRoot } from "../paths.js";

export type HelmMajor = 3 | 4;

/** Ignored folder of this repository where `npm run setup` puts the tools the tests need. */
export const toolsDir = join(chartRoot, ".tools", "bin");

/** Where `npm run setup` extracts helm `major` (scripts/install/helm.ts). */
export function helmPath(major: HelmMajor): string {
  return join(toolsDir, `helm${major}`);
}

/**
 * The helm binary for a major version, in this order: HELM3_BIN / HELM4_BIN, HELM_BIN (both
 * trusted as given), the copy `npm run setup` extracted in this repository, then `helm` on PATH
 * when it is that major version. An installed package has no setup copy, so PATH or the
 * variables are what a consumer uses.
 */
export function helmBinary(major: HelmMajor = 3): string {
  const override = process.env[`HELM${major}_BIN`] ?? process.env.HELM_BIN;
  if (override) return override;
  const setupCopy = helmPath(major);
  if (existsSync(setupCopy)) return setupCopy;
  const onPath = findOnPath("helm");
  if (onPath && majorOf(onPath) === major) return onPath;
  const found = onPath ? `helm on PATH (${onPath}) is helm ${majorOf(onPath) ?? "?"}` : "no helm on PATH";
  throw new Error(
    `helm ${major} not found: ${found}; set HELM${major}_BIN or HELM_BIN to a helm ${major} binary ` +
      "(in the gitlab-runner-fleet repository, `npm run setup` installs both)",
  );
}

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** helm's major version, asked once per binary (`helm version --short` prints e.g. v3.18.4+g…). */
const majors = new Map<string, number | undefined>();
function majorOf(binary: string): number | undefined {
  if (!majors.has(binary)) {
    const result = execaSync(binary, ["version", "--short"], { reject: false });
    const match = /^v(\d+)\./.exec(String(result.stdout).trim());
    majors.set(binary, result.exitCode === 0 && match?.[1] ? Number(match[1]) : undefined);
  }
  return majors.get(binary);
}
