import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { chartRoot } from "../../src/paths.js";

// The consumer lives under .tools/ so the package's own dependencies resolve from the repo's
// node_modules, as they would from the consumer's after `npm install gitlab-runner-fleet`.
const consumer = join(chartRoot, ".tools", "consumer");
const installed = join(consumer, "node_modules", "gitlab-runner-fleet");

beforeAll(async () => {
  await rm(consumer, { recursive: true, force: true });
  await mkdir(installed, { recursive: true });
  const { stdout } = await execa("npm", ["pack", "--silent", "--pack-destination", consumer], { cwd: chartRoot });
  const tarball = join(consumer, stdout.trim().split("\n").at(-1) ?? "");
  await execa("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
}, 180_000);
afterAll(() => rm(consumer, { recursive: true, force: true }));

describe("the npm package", () => {
  it("ships compiled JS, declarations and the schema, and no tests or sources", async () => {
    const { stdout } = await execa("find", [".", "-type", "f"], { cwd: installed });
    const files = stdout.split("\n").map((file) => file.replace(/^\.\//, ""));
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/generated/values.d.ts", "values.schema.json", "values.yaml", "Chart.yaml", "files/entrypoint.sh", "files/runner-config-model.json"]));
    expect(files.filter((file) => /^(src|tests|scripts)\//.test(file))).toEqual([]);
  });

  it("type-checks a user's per-cluster values against Values, and rejects a typo", async () => {
    await writeFile(
      join(consumer, "cluster.ts"),
      `import type { Values } from "gitlab-runner-fleet";
import { defineValues } from "gitlab-runner-fleet";
export const production: Values = {
  gitlabUrl: "https://gitlab.example.com",
  concurrent: 20,
  runners: [{ name: "general", token: { existingSecret: { name: "runner-token" } }, kubernetes: { privileged: false } }],
};
export const override = defineValues({ replicas: 2 });
// @ts-expect-error concurent is a typo the type must reject
export const typo: Values = { gitlabUrl: "https://x.example", runners: [], concurent: 4 };
`,
    );
    await writeFile(
      join(consumer, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: true, types: [] }, files: ["cluster.ts"] }),
    );
    const tsc = join(chartRoot, "node_modules", ".bin", "tsc");
    const result = await execa(tsc, ["-p", "tsconfig.json"], { cwd: consumer, reject: false });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("validates values at run time from the installed package", async () => {
    const script = `import("gitlab-runner-fleet").then((m) => {
      const ok = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" } }] });
      const bad = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" }, kubernetes: { imagee: "x" } }] });
      console.log(JSON.stringify({ ok: ok.valid, bad: bad.errors }));
    });`;
    const { stdout } = await execa("node", ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ ok: true, bad: ["runners[0].kubernetes.imagee: unknown key (not in values.schema.json)"] });
  });

  it("checks a configTemplate against the runner config model from the installed package", async () => {
    const script = `import("gitlab-runner-fleet").then((m) => {
      const bad = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" }, configTemplate: "[kubernetes]\\nimagee = 'x'" }] });
      console.log(JSON.stringify(bad.errors));
    });`;
    const { stdout } = await execa("node", ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual(["runners[0].configTemplate: kubernetes.imagee: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)"]);
  });
});
