// templates/_config.tpl converts only the kubernetes keys an entry sets, because every other key's
// schema default writes nothing to config.toml. This checks the escape hatch: in a copy of the chart
// whose runner defaults do write something, an entry that sets nothing still gets those keys.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { findObject, renderChart, type KubeObject } from "../../../src/testing/render.js";

const values = {
  gitlabUrl: "https://gitlab.example.com",
  runners: [
    { name: "plain", token: { value: "glrt-FAKE0000000000000001" } },
    { name: "sized", token: { value: "glrt-FAKE0000000000000002" }, kubernetes: { build: { cpuRequest: "1" } } },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fleet-config-defaults-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The [runners.kubernetes] tables of config.toml, one per entry. */
function kubernetesTables(objects: KubeObject[]): Record<string, unknown>[] {
  const configMap = findObject<{ data: Record<string, string> }>(objects, "ConfigMap", "fleet-gitlab-runner-fleet");
  const config = parse(configMap.data["config.template.toml"]!) as {
    runners: { kubernetes: Record<string, unknown> }[];
  };
  return config.runners.map((runner) => runner.kubernetes);
}

describe.each([3, 4] as const)("config.toml from runner defaults on helm %i", (helm) => {
  it("writes no optional kubernetes key for an entry that sets none", async () => {
    const [plain, sized] = kubernetesTables((await renderChart(values, { helm })).objects);
    expect(plain).not.toHaveProperty("helper_image");
    expect(plain).not.toHaveProperty("namespace_overwrite_allowed");
    expect(plain).not.toHaveProperty("cpu_request");
    expect(sized).toMatchObject({ cpu_request: "1" });
  });

  it("writes the keys of runner defaults that write something to every entry", async () => {
    const chart = join(dir, `helm${helm}`);
    for (const entry of ["Chart.yaml", "values.yaml", "values.schema.json", "templates", "files"]) {
      await cp(join(chartRoot, entry), join(chart, entry), { recursive: true });
    }
    const path = join(chart, "templates", "_runner_defaults.tpl");
    const text = await readFile(path, "utf8");
    const changed = text
      .replace('"helperImage":""', '"helperImage":"registry.example.com/helper:1"')
      .replace('"overwriteAllowed":{"namespace":""', '"overwriteAllowed":{"namespace":"ci-.*"');
    expect(changed.split("registry.example.com/helper:1").length + changed.split("ci-.*").length).toBe(4);
    await writeFile(path, changed);
    const tables = kubernetesTables((await renderChart(values, { helm, chartDir: chart })).objects);
    for (const table of tables)
      expect(table).toMatchObject({
        helper_image: "registry.example.com/helper:1",
        namespace_overwrite_allowed: "ci-.*",
      });
    expect(tables[1]).toMatchObject({ cpu_request: "1" });
  });
});
