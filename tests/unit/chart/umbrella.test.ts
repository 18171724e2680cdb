// The chart as a dependency of a platform team's umbrella chart: helm then adds `global` to its
// values, which the schema must allow (it did not: every umbrella install failed the schema check).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateValues } from "../../../src/values/validate.js";
import { helmBinary } from "../../../src/testing/helm-binary.js";
import { parseManifests } from "../../../src/testing/render.js";
import { caseAlias, writeUmbrellaChart } from "./helm-error.js";
import { base } from "./values-cases.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fleet-umbrella-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const withGlobal = { ...base(), global: { imageRegistry: "registry.example.com" } };

it("validateValues accepts the global values a parent chart passes down", () => {
  expect(validateValues(withGlobal).errors).toEqual([]);
});

describe.each([3, 4] as const)("helm %i", (helm) => {
  it("renders two releases of the chart from one umbrella chart, each from its own values", async () => {
    const umbrella = join(dir, `helm${helm}`);
    const second = { ...base(), runners: [{ name: "second", token: { value: "glrt-FAKE1111111111111111111" } }] };
    await writeUmbrellaChart(umbrella, [withGlobal, second], helm);
    const result = await execa(helmBinary(helm), ["template", "platform", umbrella, "--namespace", "ci"], {
      reject: false,
    });
    expect(result.stderr).toBe("");
    const objects = parseManifests(result.stdout);
    const statefulSets = objects.filter((obj) => obj.kind === "StatefulSet").map((obj) => obj.metadata.name);
    expect(statefulSets.sort()).toEqual([`platform-${caseAlias(0)}`, `platform-${caseAlias(1)}`]);
    const configs = objects.filter((obj) => obj.kind === "ConfigMap").map((obj) => JSON.stringify(obj));
    expect(configs.some((text) => text.includes('name = \\"second\\"'))).toBe(true);
  });
});
