import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import { parse, stringify } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import type { KubeObject } from "../../../src/testing/render.js";

export interface Scenario {
  name: string;
  file: string;
  values: Record<string, unknown>;
}

/** The ci/<name>-values.yaml scenarios, shared by the snapshot tests and `ct install`. */
export function loadScenarios(): Scenario[] {
  const dir = join(chartRoot, "ci");
  return readdirSync(dir)
    .filter((file) => file.endsWith("-values.yaml"))
    .sort()
    .map((file) => ({
      name: basename(file, "-values.yaml"),
      file: join(dir, file),
      values: parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>,
    }));
}

/** A job-cluster mode scenario: no managers, so none of the manager checks and lifecycle steps apply. */
export function isJobCluster(values: Record<string, unknown>): boolean {
  return (values.jobCluster as { enabled?: boolean } | undefined)?.enabled === true;
}

/** The scenarios that install managers: everything that reads config.toml or the StatefulSet uses these. */
export function managerScenarios(): Scenario[] {
  return loadScenarios().filter(({ values }) => !isJobCluster(values));
}

/** Every token value a scenario sets (what must stay inside Secret objects). */
export function tokenValues(values: Record<string, unknown>): string[] {
  const runners = (values.runners ?? []) as { token?: { value?: string } }[];
  return runners.map((runner) => runner.token?.value).filter((token): token is string => Boolean(token));
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * The snapshot form of a render: Secret data replaced by a digest (no token in a snapshot, even a
 * fake one) and the entrypoint script by its digest (it has its own tests; here it would repeat).
 */
export function snapshotText(objects: KubeObject[]): string {
  return objects
    .map((obj) => {
      const copy = structuredClone(obj) as KubeObject & { data?: Record<string, string> };
      if (copy.kind === "Secret" && copy.data) {
        copy.data = Object.fromEntries(
          Object.keys(copy.data).map((key) => [
            key,
            `<redacted sha256:${sha(obj.data ? String((obj.data as Record<string, string>)[key]) : "")}>`,
          ]),
        );
      }
      if (copy.kind === "ConfigMap" && copy.data?.["entrypoint.sh"]) {
        copy.data["entrypoint.sh"] = `<files/entrypoint.sh sha256:${sha(copy.data["entrypoint.sh"])}>`;
      }
      return `---\n${stringify(copy, { lineWidth: 0 })}`;
    })
    .join("");
}
