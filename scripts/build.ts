// npm run build (and prepack): dist/ from src/ with tsc's build mode, which keeps its build info in
// dist/.tsbuildinfo and skips the compile (a fraction of a second) unless a file of src/ is newer than
// it with other content than it built, a file was added to or removed from src/, a tsconfig is newer,
// the last build had errors or tsc's version changed. Two inputs it does not look at force a full build
// here: a missing output (deleted from dist/) and dependencies installed since the last build (npm
// rewrites node_modules/.package-lock.json on every install; declarations may use their types).
// Outputs whose source is gone or no longer built are removed, so a moved module never ships twice.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../src/paths.js";

const dist = join(chartRoot, "dist");
const config = JSON.parse(readFileSync(join(chartRoot, "tsconfig.build.json"), "utf8")) as { exclude?: string[] };
const excluded = (config.exclude ?? []).map((dir) => relative("src", dir));
/** Whether tsconfig.build.json compiles src/<source> (a path relative to src/). */
const isBuilt = (source: string): boolean =>
  source.endsWith(".ts") &&
  !source.endsWith(".d.ts") &&
  existsSync(join(chartRoot, "src", source)) &&
  !excluded.some((dir) => source.startsWith(`${dir}/`));

const modifiedAt = (file: string): number => (existsSync(file) ? statSync(file).mtimeMs : 0);
const sources = readdirSync(join(chartRoot, "src"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(join(chartRoot, "src"), join(entry.parentPath, entry.name)))
  .filter(isBuilt);
const outputMissing = sources.some((source) =>
  [".js", ".d.ts"].some((ext) => !existsSync(join(dist, source.replace(/\.ts$/, ext)))),
);
const buildInfo = join(dist, ".tsbuildinfo");
const reinstalled =
  existsSync(buildInfo) && modifiedAt(join(chartRoot, "node_modules", ".package-lock.json")) > modifiedAt(buildInfo);

await execa(
  join(chartRoot, "node_modules", ".bin", "tsc"),
  ["-b", "tsconfig.build.json", ...(outputMissing || reinstalled ? ["--force"] : [])],
  { cwd: chartRoot, stdio: "inherit" },
);

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
