import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import { configMapOf } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { keyPathsPath, loadRunnerConfigModel } from "../../../src/values/runner-config-model.js";
import { parseRunnerToml, runnerConfigProblems } from "../../../src/values/runner-config-check.js";
import { managerScenarios } from "./scenarios.js";
import { goodCases } from "./values-cases.js";

const model = loadRunnerConfigModel();
// job-cluster mode renders no config.toml: its scenario has none to decode
const scenarios = managerScenarios();
/** One [[runners]] entry, checked as configTemplate is. */
const entryProblems = (toml: string) => runnerConfigProblems(parseRunnerToml(toml), { type: model.entry });
const fileProblems = (toml: string) => runnerConfigProblems(parseRunnerToml(toml));

describe("the runner config model", () => {
  it("comes from the runner version the chart pins (regenerate when appVersion moves)", () => {
    const chart = parseYaml(readFileSync(join(chartRoot, "Chart.yaml"), "utf8")) as { appVersion: string };
    expect(model.runner.version).toBe(chart.appVersion);
    expect(model.runner.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(model.runner.decoder).toMatch(/^github\.com\/BurntSushi\/toml v\d+\.\d+\.\d+$/);
  });

  it("lists the same key paths in its readable listing, from the same commit", () => {
    const lines = readFileSync(keyPathsPath, "utf8").split("\n");
    expect(lines[0]).toContain(model.runner.commit);
    expect(lines.filter((line) => line && !line.startsWith("#"))).toHaveLength(model.keyPaths);
    expect(model.keyPaths).toBeGreaterThan(500);
  });

  it("refers only to types it defines", () => {
    const scalars = new Set([
      "string",
      "bool",
      "int",
      "int8",
      "int16",
      "int32",
      "uint8",
      "uint16",
      "uint32",
      "float",
      "float32",
      "duration",
      "time",
      "text",
      "any",
      "stringOrArray",
      "never",
    ]);
    const inner = (type: string): string =>
      type.startsWith("[]") || type.startsWith("{}") ? inner(type.slice(2)) : type;
    for (const [name, fields] of Object.entries(model.types)) {
      for (const [key, type] of Object.entries(fields)) {
        const base = inner(type);
        expect(scalars.has(base) || base in model.types, `${name}.${key}: ${type}`).toBe(true);
      }
    }
    expect(model.types[model.root]?.runners).toBe(`[]${model.entry}`);
  });

  it("knows the keys the chart relies on, with the runner's types", () => {
    const kubernetes = model.types[model.types[model.entry]?.kubernetes ?? ""] ?? {};
    expect(model.types[model.entry]).toMatchObject({
      environment: "[]string",
      feature_flags: "{}bool",
      unhealthy_interval: "duration",
      limit: "int",
      token_expires_at: "time",
    });
    expect(kubernetes).toMatchObject({
      node_selector: "{}string",
      node_tolerations: "{}string",
      pull_policy: "stringOrArray",
      poll_timeout: "int",
    });
  });
});

describe("config.toml renders", () => {
  it.each(scenarios)("scenario $name decodes cleanly against the runner's config model", async ({ values }) => {
    const { objects } = await renderOnce(values, { helm: 3 });
    const text = configMapOf(objects).data?.["config.template.toml"] ?? "";
    expect(fileProblems(text)).toEqual([]);
  });

  const templates = [
    ...scenarios.flatMap(({ name, values }) =>
      ((values.runners ?? []) as { configTemplate?: string }[]).map((runner) => ({
        from: `scenario ${name}`,
        toml: runner.configTemplate,
      })),
    ),
    ...goodCases.flatMap(({ title, values }) =>
      ((values.runners ?? []) as { configTemplate?: string }[]).map((runner) => ({
        from: title,
        toml: runner.configTemplate,
      })),
    ),
  ].filter((t): t is { from: string; toml: string } => Boolean(t.toml));

  it("covers at least one configTemplate from the scenarios and one from the good cases", () => {
    expect(templates.some((t) => t.from.startsWith("scenario"))).toBe(true);
    expect(templates.some((t) => !t.from.startsWith("scenario"))).toBe(true);
  });

  it.each(templates)("the configTemplate of $from decodes cleanly", ({ toml }) => {
    expect(entryProblems(toml)).toEqual([]);
  });
});

describe("the config.toml checker", () => {
  it("accepts a config that uses every kind of type", () => {
    const toml = `
concurrent = 4
connection_max_age = "15m"
[[runners]]
name = "a"
environment = ["A=1"]
unhealthy_interval = 3600000000000
token_obtained_at = 2026-01-01T00:00:00Z
token_expires_at = "2026-02-01T00:00:00Z"
[runners.feature_flags]
FF_USE_FASTZIP = true
[runners.kubernetes]
pull_policy = "always"
allowed_pull_policies = ["always"]
[runners.kubernetes.node_selector]
"kubernetes.io/arch" = "amd64"
[[runners.kubernetes.volumes.nfs]]
name = "n"
mount_path = "/n"
server = "nfs"
path = "/export"
[runners.autoscaler]
instance_ready_command = "true"
[runners.autoscaler.plugin_config]
anything = [1, "two", { three = 3.0 }]
[[runners.autoscaler.policy]]
scale_factor = 1
idle_time = "20m"
`;
    expect(fileProblems(toml)).toEqual([]);
  });

  it("names an unknown key by its full path", () => {
    expect(fileProblems("concurent = 4")).toEqual([
      "concurent: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)",
    ]);
  });

  it("names an unknown key nested in an array of tables", () => {
    const toml = `[[runners]]\nname = "a"\n[[runners]]\nname = "b"\n[[runners.kubernetes.volumes.empty_dir]]\nname = "x"\nmount_path = "/x"\nsize = "1Gi"`;
    expect(fileProblems(toml)).toEqual([
      "runners[1].kubernetes.volumes.empty_dir[0].size: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)",
    ]);
  });

  it("tells integers from floats, as the runner's decoder does", () => {
    expect(entryProblems("limit = 4.0")).toEqual(["limit: expected an integer, got a float"]);
    expect(entryProblems("limit = 4")).toEqual([]);
    // float fields take integers too
    expect(entryProblems("[autoscaler]\ninstance_creation_time_buckets = [1, 2.5]")).toEqual([]);
  });

  it("names key, expected and actual type on a wrong type", () => {
    expect(entryProblems('[kubernetes]\npoll_timeout = "180"')).toEqual([
      "kubernetes.poll_timeout: expected an integer, got a string",
    ]);
    expect(entryProblems('environment = { A = "1" }')).toEqual(["environment: expected an array, got a table"]);
    expect(entryProblems('[kubernetes]\nnode_selector = ["a=b"]')).toEqual([
      "kubernetes.node_selector: expected a table, got an array",
    ]);
    expect(entryProblems('[feature_flags]\nFF_X = "true"')).toEqual([
      "feature_flags.FF_X: expected a boolean, got a string",
    ]);
    expect(entryProblems('[kubernetes]\npull_policy = ["always", 3]')).toEqual([
      "kubernetes.pull_policy[1]: expected a string, got an integer",
    ]);
    expect(entryProblems("kubernetes = 1")).toEqual(["kubernetes: expected a table, got an integer"]);
  });

  it("checks integer ranges and duration syntax", () => {
    const weight =
      "[[kubernetes.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution]]\nweight = 3000000000";
    expect(entryProblems(weight)).toEqual([
      "kubernetes.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution[0].weight: 3000000000 is out of range for int32",
    ]);
    expect(entryProblems('unhealthy_interval = "1 hour"')).toEqual([
      'unhealthy_interval: "1 hour" is not a duration such as "90s" or "1h30m"',
    ]);
    expect(entryProblems('unhealthy_interval = "1h30m"')).toEqual([]);
    expect(entryProblems('token_expires_at = "tomorrow"')).toEqual([
      'token_expires_at: "tomorrow" is not an RFC 3339 datetime',
    ]);
  });

  it("matches keys case-insensitively like the decoder, and flags two spellings of one key", () => {
    expect(entryProblems('[kubernetes]\nImage = "alpine"')).toEqual([]);
    expect(entryProblems('[kubernetes]\nimage = "a"\nImage = "b"')).toEqual([
      "kubernetes.image: sets the same setting as kubernetes.Image (the runner matches keys case-insensitively, and which of the two wins is random)",
    ]);
  });

  it("applies the NFS volume decoder's own rules: exact keys, four required", () => {
    expect(
      entryProblems('[[kubernetes.volumes.nfs]]\nName = "n"\nmount_path = "/n"\nserver = "s"\npath = "/p"'),
    ).toEqual([
      "kubernetes.volumes.nfs[0].Name: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)",
      "kubernetes.volumes.nfs[0].name: required",
    ]);
  });

  it("quotes keys that are not bare in the path", () => {
    expect(entryProblems('[kubernetes.pod_labels]\n"app.kubernetes.io/name" = 1')).toEqual([
      'kubernetes.pod_labels."app.kubernetes.io/name": expected a string, got an integer',
    ]);
  });
});
