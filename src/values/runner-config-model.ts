import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chartRoot } from "../paths.js";

/**
 * The pinned runner's config.toml as its decoder sees it, generated from the runner's Go config
 * structs by tools/runner-config-model (type expressions: tools/runner-config-model/README.md).
 */
export interface RunnerConfigModel {
  generatedBy: string;
  runner: { module: string; version: string; tags: string[]; commit: string; decoder: string };
  /** Struct of the whole file (Config) and of one [[runners]] entry (RunnerConfig). */
  root: string;
  entry: string;
  keyPaths: number;
  /** Structs whose custom decoder matches keys case-sensitively (the default is case-insensitive). */
  exactCase: Record<string, boolean>;
  /** Keys a struct's custom decoder insists on. */
  required: Record<string, string[]>;
  /** Struct name → key → type expression. */
  types: Record<string, Record<string, string>>;
}

/** Shipped in the chart: templates/_validate_config_template.tpl reads it with .Files.Get. */
export const modelPath = join(chartRoot, "files", "runner-config-model.json");
/** The same model, one key path per line, for reading and reviewing diffs. */
export const keyPathsPath = join(chartRoot, "tools", "runner-config-model", "key-paths.txt");

let cached: RunnerConfigModel | undefined;

export function loadRunnerConfigModel(): RunnerConfigModel {
  cached ??= JSON.parse(readFileSync(modelPath, "utf8")) as RunnerConfigModel;
  return cached;
}
