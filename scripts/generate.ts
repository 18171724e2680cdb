// Writes every file generated from values.schema.json; with --check, fails on drift instead.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { chartRoot } from "../src/paths.js";
import { loadSchema } from "../src/schema/load.js";
import { renderValuesTable, spliceTable } from "./codegen/readme-table.js";
import { renderRunnerDefaultsTpl } from "./codegen/runner-defaults-tpl.js";
import { renderValuesTypes } from "./codegen/types.js";
import { renderValuesYaml } from "./codegen/values-yaml.js";

const check = process.argv.includes("--check");
const schema = loadSchema();
const readmePath = join(chartRoot, "README.md");

const outputs: Record<string, string> = {
  "values.yaml": renderValuesYaml(schema),
  "src/generated/values.ts": await renderValuesTypes(schema),
  "templates/_runner_defaults.tpl": renderRunnerDefaultsTpl(schema),
  "README.md": spliceTable(readFileSync(readmePath, "utf8"), renderValuesTable(schema)),
};

const stale: string[] = [];
for (const [file, content] of Object.entries(outputs)) {
  const path = join(chartRoot, file);
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  if (check) {
    stale.push(relative(chartRoot, path));
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (stale.length > 0) {
  console.error(`generated files are out of date: ${stale.join(", ")}; run npm run generate`);
  process.exit(1);
}
if (check) console.log("generated files are up to date");
