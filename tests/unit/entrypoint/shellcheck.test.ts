import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { entrypointPath, repoRoot, standInPath } from "./harness.js";

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** shellcheck from PATH, else the copy `npm run setup` (scripts/setup.ts) installs; undefined if neither. */
function findShellcheck(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && executable(join(dir, "shellcheck"))) return join(dir, "shellcheck");
  }
  const bundled = join(repoRoot, ".tools", "python", "bin", "shellcheck");
  return executable(bundled) ? bundled : undefined;
}

function shellcheck(file: string): { status: number | null; output: string } {
  const bin = findShellcheck();
  if (bin === undefined) {
    expect.fail(
      "shellcheck not found on PATH nor at .tools/python/bin/shellcheck; run `npm run setup` (npx tsx scripts/setup.ts) to install it",
    );
  }
  const result = spawnSync(bin, [file], { cwd: repoRoot, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("shellcheck", () => {
  it("finds no issue in files/entrypoint.sh", () => {
    const { status, output } = shellcheck(entrypointPath);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("finds no issue in files/orphan-cleanup.sh", () => {
    const { status, output } = shellcheck(join(repoRoot, "files", "orphan-cleanup.sh"));
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  it("finds no issue in the tests' gitlab-runner stand-in", () => {
    const { status, output } = shellcheck(standInPath);
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});
