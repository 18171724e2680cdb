import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { configMapOf } from "../../../src/testing/render.js";
import { renderOnce } from "../render-once.js";
import { modelPath, loadRunnerConfigModel } from "../../../src/values/runner-config-model.js";
import { parseRunnerToml, runnerConfigProblems } from "../../../src/values/runner-config-check.js";
import { managerScenarios } from "../chart/scenarios.js";
import { goodCases } from "../chart/values-cases.js";
import { generatedCases, type Case } from "../chart/runner-config-cases.js";

/**
 * The checker held to the runner's real TOML decoder: tools/runner-config-model/decodercheck
 * decodes each document with github.com/BurntSushi/toml (the runner's version) into Go types
 * built from the model, and the checker must find a type problem exactly when that decoder fails,
 * and an unknown key exactly when it leaves a key undecoded.
 */
const model = loadRunnerConfigModel();
const decoderDir = join(chartRoot, "tools", "runner-config-model", "decodercheck");
const hasGo = (await execa("go", ["version"], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

async function decode(cases: Case[]): Promise<{ error?: string; undecoded: string[] }[]> {
  const input = JSON.stringify({ model: modelPath, cases: cases.map(({ type, toml }) => ({ type, toml })) });
  const result = await execa("go", ["run", "."], { cwd: decoderDir, input, reject: false });
  if (result.exitCode !== 0) throw new Error(`decodercheck failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { error?: string; undecoded: string[] }[];
}

function disagreements(cases: Case[], decoded: { error?: string; undecoded: string[] }[]): string[] {
  return cases.flatMap((c, index) => {
    const problems = runnerConfigProblems(parseRunnerToml(c.toml), { type: c.type });
    const unknown = problems.filter((p) => p.includes(": unknown key"));
    const typeProblems = problems.filter(
      (p) => !p.includes(": unknown key") && !p.includes(": sets the same setting as"),
    );
    const real = decoded[index] ?? { undecoded: [] };
    const out: string[] = [];
    if (Boolean(real.error) !== typeProblems.length > 0)
      out.push(`${c.title}: decoder ${real.error ?? "accepted"}; checker ${JSON.stringify(typeProblems)}`);
    if (real.undecoded.length > 0 !== unknown.length > 0)
      out.push(
        `${c.title}: decoder left ${JSON.stringify(real.undecoded)} undecoded; checker ${JSON.stringify(unknown)}`,
      );
    return out;
  });
}

describe.skipIf(!hasGo)(
  `the config.toml checker against the runner's TOML decoder${hasGo ? "" : " — skipped: no go on PATH"}`,
  () => {
    it("agrees on a good value, wrong values and an unknown key for every key of the model", async () => {
      const cases = generatedCases();
      expect(cases.length).toBeGreaterThan(1500);
      expect(disagreements(cases, await decode(cases))).toEqual([]);
    }, 180_000);

    it("agrees on case-insensitive keys and integers given to durations and floats", async () => {
      const cases: Case[] = [
        { title: "Image", type: model.entry, toml: '[kubernetes]\nIMAGE = "alpine"' },
        { title: "LIMIT", type: model.entry, toml: "LIMIT = 4" },
        { title: "bucketname", type: model.entry, toml: '[cache.s3]\nbucketname = "b"' },
        { title: "duration as nanoseconds", type: model.entry, toml: "unhealthy_interval = 3600000000000" },
        {
          title: "float from integer",
          type: model.entry,
          toml: "[autoscaler]\ninstance_creation_time_buckets = [1, 2]",
        },
        { title: "datetime as a string", type: model.entry, toml: 'token_expires_at = "2026-01-01T00:00:00Z"' },
      ];
      const decoded = await decode(cases);
      expect(decoded.map((d) => d.error ?? "")).toEqual(cases.map(() => ""));
      expect(disagreements(cases, decoded)).toEqual([]);
    }, 180_000);

    it("finds every scenario's config.toml and every configTemplate in the tests clean, as the decoder does", async () => {
      const cases: Case[] = [];
      for (const { name, values } of managerScenarios()) {
        const { objects } = await renderOnce(values, { helm: 3 });
        cases.push({
          title: `scenario ${name}`,
          type: model.root,
          toml: configMapOf(objects).data?.["config.template.toml"] ?? "",
        });
      }
      for (const { title, values } of goodCases) {
        for (const runner of (values.runners ?? []) as { configTemplate?: string }[]) {
          if (runner.configTemplate) cases.push({ title, type: model.entry, toml: runner.configTemplate });
        }
      }
      const decoded = await decode(cases);
      expect(decoded.filter((d) => d.error || d.undecoded.length > 0)).toEqual([]);
      expect(disagreements(cases, decoded)).toEqual([]);
    }, 180_000);
  },
);
