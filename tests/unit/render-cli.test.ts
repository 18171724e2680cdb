// `npm run render` (scripts/render.ts): bad input gives one line naming the file or option and a
// non-zero exit, never a stack trace; stdout is only the rendered YAML. Two tests go through npm as
// users do (the script wiring, --silent, exit statuses of the real process); the others call the
// command's function (scripts/render/command.ts) in-process with the same arguments: a process
// costs ~1.8 s cpu through npm + tsx, 0.4–1.2 s even compiled (start-up, module loading, the values
// schema compile), which in-process are paid once per worker.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { parseAllDocuments, parseDocument } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCommand } from "../../scripts/render/command.js";
import { chartRoot } from "../../src/paths.js";
import { validateValues } from "../../src/values/validate.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "render-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** As users run it. */
const npmRender = (...args: string[]) =>
  execa("npm", ["run", "--silent", "render", "--", ...args], { cwd: chartRoot, reject: false, env: { NO_COLOR: "1" } });
/** The same command in this process; file arguments are relative to the chart, as from npm run. */
async function render(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const argv = args.map((arg, i) =>
    ["-f", "--out", "-o"].includes(args[i - 1] ?? "") ? resolve(chartRoot, arg) : arg,
  );
  const exitCode = await renderCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { exitCode, stdout, stderr };
}

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at |node:internal|Error: .*\n\s+at /m);

describe.concurrent("render", () => {
  it("a missing values file: one line naming it, exit 1", async () => {
    const missing = join(dir, "nope.yaml");
    const result = await render("-f", "clusters/base.yaml", "-f", missing);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(`${missing}: cannot read the values file: no such file`);
    expect(result.stdout).toBe("");
  });

  it("invalid YAML: one line with file:line:column, exit 1", async () => {
    const bad = await file(
      "bad.yaml",
      'gitlabUrl: https://gitlab.example.com\nrunners:\n  - name: a\n    token: {value: "glrt-x"\n',
    );
    const result = await render("-f", bad);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^${bad}:5:1: invalid YAML: `));
    noStackTrace(result.stderr);
  });

  it("an unknown option is named, exit 2", async () => {
    const result = await render("--hlem", "4", "-f", "clusters/base.yaml");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("render: Unknown option '--hlem'");
    noStackTrace(result.stderr);
  });

  it("--helm 5 is refused, not rendered with helm 3", async () => {
    const result = await render("--helm", "5", "-f", "clusters/base.yaml", "-f", "clusters/staging.yaml");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("render: --helm 5: not a supported helm version (use 3 or 4)");
    expect(result.stdout).toBe("");
  });

  it("invalid values list every problem by key path", async () => {
    const result = await render(
      "-f",
      await file("invalid.yaml", "gitlabUrl: https://gitlab.example.com\nconcurent: 4\n"),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("- concurent: unknown key");
    noStackTrace(result.stderr);
  });

  it("stdout is only YAML, so a redirect gives a clean manifest file", async () => {
    const result = await npmRender("-f", "clusters/base.yaml", "-f", "clusters/staging.yaml", "--helm", "4");
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.startsWith("---")).toBe(true);
    const docs = parseAllDocuments(result.stdout);
    expect(docs.flatMap((d) => d.errors)).toEqual([]);
    expect(docs.some((d) => d.get("kind") === "StatefulSet")).toBe(true);
    expect(result.stdout).not.toContain("> gitlab-runner-fleet@");
  });

  it("--out writes the same YAML to the file", async () => {
    const out = join(dir, "staging.yaml");
    const result = await render("-f", "clusters/base.yaml", "-f", "clusters/staging.yaml", "-o", out);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect((await readFile(out, "utf8")).startsWith("---")).toBe(true);
  });

  it("--pair prints the manager-side values of a job-cluster install, which validate once given tokens", async () => {
    const result = await render(
      "-f",
      "ci/job-cluster-values.yaml",
      "--release",
      "jobs",
      "-n",
      "ci-jobs",
      "--pair",
      "https://203.0.113.1:6443",
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const doc = parseDocument(result.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.commentBefore).toContain(
      "kubectl -n ci-jobs get secret jobs-gitlab-runner-fleet-job-cluster-token -o jsonpath='{.data.token}' | base64 -d > token",
    );
    const values = doc.toJS() as { runners: Record<string, unknown>[] };
    expect(values.runners).toEqual([
      {
        name: "ci-remote-jobs",
        kubernetes: {
          namespace: "ci-remote-jobs",
          externalCluster: {
            host: "https://203.0.113.1:6443",
            secretName: "jobs-gitlab-runner-fleet-job-cluster-token",
            caKey: "ca.crt",
            tokenKey: "token",
          },
        },
      },
    ]);
    const manager = {
      gitlabUrl: "https://gitlab.example.com",
      runners: values.runners.map((r) => ({ ...r, token: { value: "glrt-FAKEPAIR0000000000000" } })),
    };
    expect(validateValues(manager).errors).toEqual([]);
  });

  it("--pair without --release and -n, or with a manager install's values: one line each, no stack trace", async () => {
    const missing = await render("-f", "ci/job-cluster-values.yaml", "--pair", "https://203.0.113.1:6443");
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("render: --pair needs --release and -n of the job-cluster install");
    const manager = await render(
      "-f",
      "clusters/base.yaml",
      "-f",
      "clusters/staging.yaml",
      "--release",
      "a",
      "-n",
      "b",
      "--pair",
      "https://203.0.113.1:6443",
    );
    expect(manager.exitCode).toBe(1);
    expect(manager.stderr.trim()).toBe(
      "render: --pair: jobCluster.enabled: the pairing is made from the values of a job-cluster install",
    );
    expect(manager.stdout).toBe("");
    noStackTrace(missing.stderr + manager.stderr);
  });
});

it("README's render commands use --silent (npm prints its banner to stdout otherwise)", async () => {
  const readme = await readFile(join(chartRoot, "README.md"), "utf8");
  const commands = readme.split("\n").filter((line) => /^npm run\b.*\brender\b/.test(line));
  expect(commands.length).toBeGreaterThan(0);
  for (const command of commands) expect(command).toMatch(/^npm run --silent render /);
  const banner = await execa("npm", ["run", "render", "--", "--help-me"], { cwd: chartRoot, reject: false });
  expect(banner.stdout).toContain("> gitlab-runner-fleet@"); // the reason for --silent
  // The real process's status and stderr for bad usage, as the in-process tests see them.
  expect(banner.exitCode).toBe(2);
  expect(banner.stderr.split("\n")[0]).toBe("render: Unknown option '--help-me'");
  noStackTrace(banner.stderr);
});
