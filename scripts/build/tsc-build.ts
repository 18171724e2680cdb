// tsc's build mode (-b) for npm run build and the mock GitLab image test (npm run typecheck does the same
// in package.json): a run with nothing changed takes a fraction of a second instead of a whole program.
// Its up-to-date check compares the build info's mtime with the project's root files (and, for those
// newer, their content), its tsconfigs and tsc's version; a file added or removed and errors of the last
// run also rebuild. It never looks at files the roots import (so every compiled file must be a root) nor
// at dependencies (see tscBuild).
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../../src/paths.js";

/** npm rewrites it on every install, so it is newer than a build info made before the last install. */
const installStamp = join(chartRoot, "node_modules", ".package-lock.json");

const modifiedAt = (file: string): number => (existsSync(file) ? statSync(file).mtimeMs : 0);

/**
 * Runs `tsc -b tsconfig`. A full build (--force) when one of `outputs` (the files the caller expects
 * from it) is missing, since build mode does not notice a deleted output, or when dependencies were
 * installed since the build info, whose types the program uses.
 */
export async function tscBuild(
  tsconfig: string,
  buildInfo: string,
  options: { outputs?: string[]; args?: string[]; stdio?: "inherit" | "pipe" } = {},
): Promise<void> {
  const outputMissing = (options.outputs ?? []).some((output) => !existsSync(output));
  const reinstalled = existsSync(buildInfo) && modifiedAt(installStamp) > modifiedAt(buildInfo);
  await execa(
    join(chartRoot, "node_modules", ".bin", "tsc"),
    ["-b", tsconfig, ...(options.args ?? []), ...(outputMissing || reinstalled ? ["--force"] : [])],
    { cwd: chartRoot, stdio: options.stdio ?? "inherit" },
  );
}
