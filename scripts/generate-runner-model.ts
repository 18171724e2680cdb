// Regenerates the model of the pinned runner's config.toml (files/runner-config-model.json and
// the key path listing) from the runner's public source; see README "Development".
//   npm run generate:runner-model -- --source <git dir|checkout> --commit <sha> [--check]
import { resolve, join } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { chartRoot } from "../src/paths.js";
import { modelPath, keyPathsPath } from "../src/values/runner-config-model.js";

const { values: args } = parseArgs({
  options: {
    source: { type: "string" },
    commit: { type: "string" },
    check: { type: "boolean", default: false },
  },
});
if (!args.source) {
  console.error(
    "usage: npm run generate:runner-model -- --source <gitlab-runner git dir or checkout> --commit <sha> [--check]",
  );
  process.exit(2);
}
const result = await execa(
  "go",
  [
    "run",
    ".",
    "--source",
    resolve(args.source),
    ...(args.commit ? ["--commit", args.commit] : []),
    "--out",
    modelPath,
    "--paths",
    keyPathsPath,
    ...(args.check ? ["--check"] : []),
  ],
  { cwd: join(chartRoot, "tools", "runner-config-model"), reject: false, stdio: "inherit" },
);
process.exit(result.exitCode ?? 1);
