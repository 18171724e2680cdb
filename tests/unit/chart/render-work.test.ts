// Guards how often the expensive helpers run in one render (never how long it takes): a copy of
// the chart wraps each helper in a counter that fails the render once the helper has run more
// often than allowed. The limits are what one render needs: the runner defaults parsed once, one
// runnerToml per entry, config.toml and the values checks built once, and no template reading the
// runner list as JSON. A template that re-computes the runner list, or re-renders config.toml for
// the checksum annotations, breaks these limits.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { renderChart, RenderError } from "../../../src/testing/render.js";

const entries = 3;
const values = {
  gitlabUrl: "https://gitlab.example.com",
  runners: [
    { name: "plain", token: { value: "glrt-FAKE0000000000000001" } },
    {
      name: "legacy",
      token: { kind: "registration", existingSecret: { name: "legacy-token" } },
      registration: { tags: ["a"] },
    },
    {
      name: "templated",
      token: { value: "glrt-FAKE0000000000000002" },
      kubernetes: { nodeSelector: { pool: "x" } },
      configTemplate: '[kubernetes.node_selector]\n"zone" = "a"\n',
    },
  ],
};

interface Counted {
  helper: string;
  file: string;
  /** Expression for the root context inside the helper (its argument is the root, or a dict holding it). */
  root: string;
  limit: number;
}

const counted: Counted[] = [
  // The JSON interface to the runner list: a template calling it pays a JSON round trip per call.
  { helper: "gitlab-runner-fleet.runners", file: "_helpers.tpl", root: ".", limit: 0 },
  { helper: "gitlab-runner-fleet.runnerDefaults", file: "_runner_defaults.tpl", root: ".", limit: 1 },
  { helper: "gitlab-runner-fleet.runnerToml", file: "_config.tpl", root: ".root", limit: entries },
  { helper: "gitlab-runner-fleet.configToml", file: "_config.tpl", root: ".", limit: 1 },
  { helper: "gitlab-runner-fleet.validateValues", file: "_validate.tpl", root: ".", limit: 1 },
];

function counter({ helper, root }: Counted, limit: number): string {
  return `
{{- define "${helper}" -}}
{{- $root := ${root} -}}
{{- if not (hasKey $root "testRenderWork") -}}{{- $_ := set $root "testRenderWork" dict -}}{{- end -}}
{{- $count := add1 (get $root.testRenderWork "${helper}") -}}
{{- $_ := set $root.testRenderWork "${helper}" $count -}}
{{- if gt (int $count) ${limit} -}}{{- fail (printf "render-work: ${helper} ran %d times, limit ${limit}" $count) -}}{{- end -}}
{{- include "${helper}.counted" . -}}
{{- end -}}
`;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fleet-render-work-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the chart whose helpers count; `tighten` lowers one helper's limit by one. */
async function countingChart(name: string, tighten?: string): Promise<string> {
  const chart = join(dir, name);
  for (const entry of ["Chart.yaml", "values.yaml", "values.schema.json", "templates", "files"]) {
    await cp(join(chartRoot, entry), join(chart, entry), { recursive: true });
  }
  for (const item of counted) {
    const path = join(chart, "templates", item.file);
    const text = await readFile(path, "utf8");
    const define = `define "${item.helper}"`;
    expect(text.split(define).length - 1, `${define} in templates/${item.file}`).toBe(1);
    const limit = item.helper === tighten ? item.limit - 1 : item.limit;
    await writeFile(path, text.replace(define, `define "${item.helper}.counted"`) + counter(item, limit));
  }
  return chart;
}

describe.each([3, 4] as const)(`one render of ${entries} runner entries on helm %i`, (helm) => {
  it(`parses the runner defaults once, builds config.toml once with one runnerToml per entry, and checks values once`, async () => {
    const chart = await countingChart(`helm${helm}`);
    const { objects } = await renderChart(values, { helm, chartDir: chart });
    expect(objects.map((o) => o.kind)).toContain("StatefulSet");
  });

  it.each(counted.filter((item) => item.limit > 0).map((item) => item.helper))(
    "counts %s: one run fewer allowed fails the render",
    async (helper) => {
      const chart = await countingChart(`helm${helm}-${helper}`, helper);
      const error = await renderChart(values, { helm, chartDir: chart }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).stderr).toContain(`render-work: ${helper} ran`);
    },
  );
});
