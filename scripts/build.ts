// npm run build (and prepack): dist/ from src/ in tsc's build mode (scripts/build/tsc-build.ts), which
// skips the compile when nothing changed (and rebuilds when an expected output is missing). Outputs whose source is gone or no longer built are removed, so a moved module
// never ships twice.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { chartRoot } from "../src/paths.js";
import { tscBuild } from "./build/tsc-build.js";

const dist = join(chartRoot, "dist");
const tsconfig = join(chartRoot, "tsconfig.build.json");
const config = JSON.parse(readFileSync(tsconfig, "utf8")) as {
  compilerOptions: { tsBuildInfoFile: string };
  exclude?: string[];
};
const excluded = (config.exclude ?? []).map((dir) => relative("src", dir));
/** Whether tsconfig.build.json compiles src/<source> (a path relative to src/). */
const isBuilt = (source: string): boolean =>
  source.endsWith(".ts") &&
  !source.endsWith(".d.ts") &&
  existsSync(join(chartRoot, "src", source)) &&
  !excluded.some((dir) => source.startsWith(`${dir}/`));

const sources = readdirSync(join(chartRoot, "src"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(join(chartRoot, "src"), join(entry.parentPath, entry.name)))
  .filter(isBuilt);
const outputs = sources.flatMap((source) => [".js", ".d.ts"].map((ext) => join(dist, source.replace(/\.ts$/, ext))));
await tscBuild(tsconfig, join(chartRoot, config.compilerOptions.tsBuildInfoFile), { outputs });

const entries = readdirSync(dist, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const output = relative(dist, join(entry.parentPath, entry.name));
  const source = output.replace(/(\.d\.ts|\.js)$/, ".ts");
  if (source === output) continue; // .tsbuildinfo
  if (!isBuilt(source)) rmSync(join(dist, output));
}
// Deepest first, so a folder emptied above goes too.
const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
for (const folder of folders.sort((a, b) => b.length - a.length)) {
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}
