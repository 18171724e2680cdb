import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { parse as parseToml } from "smol-toml";
import { CORE_SCHEMA, loadAll } from "js-yaml";
import { stringify } from "yaml";
import { chartRoot } from "../paths.js";
import { helmBinary, type HelmMajor } from "./helm-binary.js";

/** Fixed so renders are byte-for-byte repeatable (snapshots, benchmarks). */
export const RENDER_DEFAULTS = {
  releaseName: "fleet",
  namespace: "ci",
  kubeVersion: "1.33.0",
} as const;

export interface RenderOptions {
  /** helm major version to render with (default 3). */
  helm?: HelmMajor;
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  /** Extra values files, applied after `values` (e.g. a per-cluster override). */
  valuesFiles?: string[];
  /** Chart directory (default: this package's chart). */
  chartDir?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Rendered {
  /** helm's stdout, unchanged. */
  yaml: string;
  objects: KubeObject[];
}

/** A failed render; `stderr` carries helm's own message (schema errors, validateValues). */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "RenderError";
  }
}

/**
 * `helm template` of the chart with `values` (written to a file, never --set, so types and
 * quoting survive), parsed into objects. Throws RenderError when helm rejects the values.
 */
export async function renderChart(values: unknown, options: RenderOptions = {}): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), "fleet-render-"));
  try {
    const valuesFile = join(dir, "values.yaml");
    await writeFile(valuesFile, stringify(values ?? {}));
    const args = [
      "template",
      options.releaseName ?? RENDER_DEFAULTS.releaseName,
      options.chartDir ?? chartRoot,
      "--namespace",
      options.namespace ?? RENDER_DEFAULTS.namespace,
      "--kube-version",
      options.kubeVersion ?? RENDER_DEFAULTS.kubeVersion,
      "--values",
      valuesFile,
      ...(options.valuesFiles ?? []).flatMap((file) => ["--values", file]),
    ];
    const result = await execa(helmBinary(options.helm ?? 3), args, { reject: false });
    if (result.exitCode !== 0) {
      throw new RenderError(`helm template failed:\n${result.stderr}`, result.stderr);
    }
    return { yaml: result.stdout, objects: parseManifests(result.stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Splits a multi-document manifest stream, dropping empty documents. js-yaml rather than the yaml
 * package: about 9x faster on a render of this chart (the unit tests parse ~300), the same objects.
 * CORE_SCHEMA is YAML 1.2's, as the yaml package's default: no timestamps turned into Dates, no
 * `<<` merge keys. A duplicated key is an error, never a silent last-one-wins.
 */
export function parseManifests(yaml: string): KubeObject[] {
  let docs: unknown[];
  try {
    docs = loadAll(yaml, null, { schema: CORE_SCHEMA });
  } catch (error) {
    throw new Error(`helm produced invalid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return docs.filter((obj): obj is KubeObject => obj !== null && typeof obj === "object");
}

export function findObject<T = KubeObject>(objects: KubeObject[], kind: string, name?: string): T {
  const found = objects.find((obj) => obj.kind === kind && (name === undefined || obj.metadata.name === name));
  if (!found) throw new Error(`no ${kind}${name ? ` named ${name}` : ""} in the render`);
  return found as T;
}

export function findObjects<T = KubeObject>(objects: KubeObject[], kind: string): T[] {
  return objects.filter((obj) => obj.kind === kind) as T[];
}

export const statefulSetOf = (objects: KubeObject[]) => findObject<IStatefulSet>(objects, "StatefulSet");
export const configMapOf = (objects: KubeObject[]) => findObject<IConfigMap>(objects, "ConfigMap");

/** The config.toml template the manager pods start from, parsed. */
export function configTomlOf(objects: KubeObject[]): Record<string, unknown> {
  const text = configMapOf(objects).data?.["config.template.toml"];
  if (text === undefined) throw new Error("the ConfigMap has no config.template.toml");
  return parseToml(text);
}
