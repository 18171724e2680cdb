// npm run build (and prepack): dist/ from src/ with tsc, incrementally. tsc keeps its build info in
// dist/.tsbuildinfo, beside the outputs, so deleting dist/ rebuilds everything (tsc does not notice
// missing outputs while its build info says they are current); outputs whose source is gone or no
// longer built are removed, so a moved module never ships twice.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { execa } from "execa";
import { chartRoot } from "../src/paths.js";

const dist = join(chartRoot, "dist");
const config = JSON.parse(readFileSync(join(chartRoot, "tsconfig.build.json"), "utf8")) as { exclude?: string[] };
const excluded = (config.exclude ?? []).map((dir) => relative("src", dir));

await execa(join(chartRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
  cwd: chartRoot,
  stdio: "inherit",
});

const entries = readdirSync(dist, { recursive: true, withFileTypes: true });
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const output = relative(dist, join(entry.parentPath, entry.name));
  const source = output.replace(/(\.d\.ts|\.js)$/, ".ts");
  if (source === output) continue; // .tsbuildinfo
  const built = existsSync(join(chartRoot, "src", source)) && !excluded.some((dir) => source.startsWith(`${dir}/`));
  if (!built) rmSync(join(dist, output));
}
// Deepest first, so a folder emptied above goes too.
const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
for (const folder of folders.sort((a, b) => b.length - a.length)) {
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}
