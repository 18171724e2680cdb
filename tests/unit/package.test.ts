import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { chartRoot } from "../../src/paths.js";
import { helmBinary } from "../../src/testing/helm-binary.js";

// The consumer lives under .tools/ so the package's own dependencies resolve from the repo's
// node_modules, as they would from the consumer's after `npm install gitlab-runner-fleet`.
// npm pack runs prepack (npm run build), which skips the compile when dist/ is current.
const consumer = join(chartRoot, ".tools", "consumer");
const installed = join(consumer, "node_modules", "gitlab-runner-fleet");

/**
 * Runs an ES module script in the consumer with @kubernetes/client-node unresolvable (the repo's
 * node_modules has it, a consumer need not), so a test proves an entry works without it.
 */
async function runInConsumer(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execa(
    "node",
    ["--import", "./without-client-node.mjs", "--input-type=module", "-e", script],
    {
      cwd: consumer,
      env: { HELM_BIN: helmBinary(3), ...env },
    },
  );
  return stdout;
}

beforeAll(async () => {
  await rm(consumer, { recursive: true, force: true });
  await mkdir(installed, { recursive: true });
  const { stdout } = await execa("npm", ["pack", "--silent", "--pack-destination", consumer], { cwd: chartRoot });
  const tarball = join(consumer, stdout.trim().split("\n").at(-1) ?? "");
  await execa("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  // Its own package.json: without it Node and tsc resolve "gitlab-runner-fleet" to the repo itself
  // (a package may import itself by name), and every test here would pass on src/ and dist/.
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await writeFile(
    join(consumer, "without-client-node.mjs"),
    `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  if (specifier.startsWith("@kubernetes/client-node")) throw new Error("blocked: " + specifier);
  return next(specifier, context);
}\`));
`,
  );
}, 180_000);
afterAll(() => rm(consumer, { recursive: true, force: true }));

describe("the npm package", () => {
  it("ships compiled JS, declarations and the schema, and no tests, sources or tool installers", async () => {
    const { stdout } = await execa("find", [".", "-type", "f"], { cwd: installed });
    const files = stdout.split("\n").map((file) => file.replace(/^\.\//, ""));
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/generated/values.d.ts",
        "dist/testing/index.js",
        "dist/mock-gitlab/index.js",
        "values.schema.json",
        "values.yaml",
        "Chart.yaml",
        "files/entrypoint.sh",
        "files/runner-config-model.json",
      ]),
    );
    expect(
      files.filter((file) => /^(src|tests|scripts|tools)\/|^dist\/testing\/(kind|e2e|runner)\/|tsbuildinfo/.test(file)),
    ).toEqual([]);
    const grep = await execa("grep", ["-rl", "installHelm", "dist"], { cwd: installed, reject: false });
    expect(grep.stdout).toBe("");
  });

  it("type-checks a user's values, a render and a mock from the three entries, and rejects a typo", async () => {
    await writeFile(
      join(consumer, "cluster.ts"),
      `import type { Values } from "gitlab-runner-fleet";
import { defineValues } from "gitlab-runner-fleet";
import { renderChart, statefulSetOf, type KubeObject } from "gitlab-runner-fleet/testing";
import { startMockGitLab, type MockGitLab } from "gitlab-runner-fleet/mock-gitlab";
export const production: Values = {
  gitlabUrl: "https://gitlab.example.com",
  concurrent: 20,
  runners: [{ name: "general", token: { existingSecret: { name: "runner-token" } }, kubernetes: { privileged: false } }],
};
export const override = defineValues({ replicas: 2 });
// @ts-expect-error concurent is a typo the type must reject
export const typo: Values = { gitlabUrl: "https://x.example", runners: [], concurent: 4 };
export async function replicas(): Promise<number | undefined> {
  const { objects }: { objects: KubeObject[] } = await renderChart(production, { helm: 4 });
  return statefulSetOf(objects).spec?.replicas;
}
export const mock: Promise<MockGitLab> = startMockGitLab({ port: 0 });
`,
    );
    await writeFile(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["cluster.ts"],
      }),
    );
    const tsc = join(chartRoot, "node_modules", ".bin", "tsc");
    const result = await execa(tsc, ["-p", "tsconfig.json"], { cwd: consumer, reject: false });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("exports the values API from '.' and nothing of the harness", async () => {
    const script = `const m = await import("gitlab-runner-fleet");
const ok = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" } }] });
const bad = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" }, kubernetes: { imagee: "x" } }] });
console.log(JSON.stringify({ ok: ok.valid, bad: bad.errors, harness: ["renderChart", "helmBinary", "installHelm", "checkRbac", "startCluster"].filter((name) => name in m) }));`;
    expect(JSON.parse(await runInConsumer(script))).toEqual({
      ok: true,
      bad: ["runners[0].kubernetes.imagee: unknown key (not in values.schema.json)"],
      harness: [],
    });
  });

  it("checks a configTemplate against the runner config model from the installed package", async () => {
    const script = `const m = await import("gitlab-runner-fleet");
const bad = m.validateValues({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" }, configTemplate: "[kubernetes]\\nimagee = 'x'" }] });
console.log(JSON.stringify(bad.errors));`;
    expect(JSON.parse(await runInConsumer(script))).toEqual([
      "runners[0].configTemplate: kubernetes.imagee: unknown key (gitlab-runner 19.4.0 has no such setting and would ignore it)",
    ]);
  });

  it("renders the packed chart from './testing' with HELM_BIN, without @kubernetes/client-node", async () => {
    const script = `const t = await import("gitlab-runner-fleet/testing");
const { objects } = await t.renderChart({ gitlabUrl: "https://gitlab.example.com", runners: [{ name: "a", token: { value: "glrt-FAKE" } }] });
const sts = t.statefulSetOf(objects);
const cluster = await t.startCluster("current").then(() => "started", (error) => error.message);
console.log(JSON.stringify({ name: sts.metadata.name, rbac: t.checkRbac(objects), cluster, internals: ["installHelm", "toolsDir", "helmPath"].filter((name) => name in t) }));`;
    const out = JSON.parse(
      await runInConsumer(script, { FLEET_TEST_KUBECONFIG: join(consumer, "no-such-kubeconfig") }),
    );
    expect(out).toEqual({
      name: "fleet-gitlab-runner-fleet",
      rbac: [],
      cluster: expect.stringContaining("the cluster harness needs @kubernetes/client-node"),
      internals: [],
    });
  });

  it("says in one line that the kwok control plane needs the repository", async () => {
    const script = `const t = await import("gitlab-runner-fleet/testing");
console.log(await t.clusterUnavailable("current"));`;
    expect(await runInConsumer(script, { FLEET_TEST_KUBECONFIG: "" })).toMatch(
      /tools\/cluster\/ .* not ship; set FLEET_TEST_KUBECONFIG/,
    );
  });

  it("starts the mock GitLab from './mock-gitlab' on a free port and answers a runner", async () => {
    const script = `const { startMockGitLab } = await import("gitlab-runner-fleet/mock-gitlab");
const mock = await startMockGitLab({ port: 0 });
const { token } = await mock.control.createRunner({ tag_list: ["k8s"] });
const res = await fetch(mock.url + "/api/v4/runners/verify", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
await mock.close();
console.log(JSON.stringify({ port: mock.port > 0, status: res.status }));`;
    expect(JSON.parse(await runInConsumer(script))).toEqual({ port: true, status: 200 });
  });

  it("resolves the package to the unpacked tarball, not to the repository", async () => {
    const script = `console.log(["gitlab-runner-fleet", "gitlab-runner-fleet/testing", "gitlab-runner-fleet/mock-gitlab"].map((s) => import.meta.resolve(s)).join("\\n"));`;
    const resolved = (await runInConsumer(script)).split("\n");
    expect(resolved).toEqual(
      ["dist/index.js", "dist/testing/index.js", "dist/mock-gitlab/index.js"].map(
        (file) => pathToFileURL(join(installed, file)).href,
      ),
    );
  });

  it("keeps internal modules out of reach", async () => {
    const script = `const tried = await Promise.all(["gitlab-runner-fleet/dist/testing/helm-binary.js", "gitlab-runner-fleet/testing/kind", "gitlab-runner-fleet/dist/index.js"].map((s) => import(s).then(() => "loaded", (e) => e.code)));
console.log(JSON.stringify(tried));`;
    expect(JSON.parse(await runInConsumer(script))).toEqual([
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ]);
  });
});
