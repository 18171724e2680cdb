import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { stringify } from "yaml";
import { chartRoot } from "../../../src/paths.js";
import { helmBinary } from "../../../src/testing/helm-binary.js";
import { base } from "./values-cases.js";

let dir: string;
let minimal: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fleet-lint-"));
  minimal = join(dir, "values.yaml");
  await writeFile(minimal, stringify(base()));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([3, 4] as const)("helm %i", (helm) => {
  it("lints --strict with only gitlabUrl and one token", async () => {
    const result = await execa(helmBinary(helm), ["lint", "--strict", chartRoot, "-f", minimal], { reject: false });
    expect(result.stdout + result.stderr).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(result.exitCode).toBe(0);
  });

  it("fails lint without values, naming gitlabUrl", async () => {
    const result = await execa(helmBinary(helm), ["lint", "--strict", chartRoot], { reject: false });
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("gitlabUrl");
  });

  it("packages only chart files", async () => {
    const out = join(dir, `pkg${helm}`);
    await execa(helmBinary(helm), ["package", chartRoot, "-d", out]);
    const { stdout } = await execa("tar", ["-tzf", join(out, "gitlab-runner-fleet-0.1.0.tgz")]);
    const files = stdout.split("\n").map((line) => line.replace(/^gitlab-runner-fleet\//, ""));
    expect(files).toContain("Chart.yaml");
    expect(files).toContain("values.schema.json");
    expect(files).toContain("files/entrypoint.sh");
    expect(files).toContain("templates/statefulset.yaml");
    // .helmignore's patterns must not drop templates/tests/, or `helm test` has nothing to run.
    expect(files).toContain("templates/tests/test-metrics.yaml");
    const foreign = files.filter((file) =>
      /^(node_modules|src|tests|scripts|dist|clusters|deploy|tools|\.github|\.tools|\.ci)\/|^package|^tsconfig|^vitest/.test(
        file,
      ),
    );
    expect(foreign).toEqual([]);
  });
});
