// The CI workflow cannot run here, so what can be checked is: actionlint (with shellcheck on every run: script),
// pinned actions, and that it runs the commands and versions the repo names elsewhere.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";
import { CT_VERSION, KIND_VERSION, runnerAppVersion, runnerDownloadUrl } from "../../../src/testing/kind/index.js";
import { actionlintPath } from "../../../scripts/install/lint-tools.js";
import { toolsDir } from "../../../src/testing/helm-binary.js";

const workflowPath = join(chartRoot, ".github", "workflows", "ci.yml");
const text = readFileSync(workflowPath, "utf8");
const workflow = parse(text) as { jobs: Record<string, { steps: Array<Record<string, any>> }> };
const runs = (job: string): string[] =>
  (workflow.jobs[job]?.steps ?? []).flatMap((s) => (typeof s.run === "string" ? [s.run.trim()] : []));
const uses = (job: string): string[] =>
  (workflow.jobs[job]?.steps ?? []).flatMap((s) => (typeof s.uses === "string" ? [s.uses] : []));
const stepWith = (job: string, run: string) => workflow.jobs[job]?.steps.find((s) => s.run === run);

const haveActionlint = existsSync(actionlintPath);
if (!haveActionlint)
  process.stderr.write(
    `actionlint check skipped: ${actionlintPath} missing (npm run setup builds it when Go is on PATH)\n`,
  );

/** shellcheck as setup provides it: on PATH, or the PyPI copy in .tools/python. */
async function shellcheckPath(): Promise<string> {
  const bundled = join(toolsDir, "..", "python", "bin", "shellcheck");
  if (existsSync(bundled)) return bundled;
  const onPath = await execa("shellcheck", ["--version"], { reject: false });
  if (onPath.exitCode === 0) return "shellcheck";
  throw new Error("shellcheck not found: run `npm run setup`");
}

describe(".github/workflows/ci.yml", () => {
  it.skipIf(!haveActionlint)("passes actionlint, with shellcheck on every run: script", async () => {
    const res = await execa(actionlintPath, ["-no-color", `-shellcheck=${await shellcheckPath()}`, workflowPath], {
      reject: false,
    });
    expect(res.stdout + res.stderr, "actionlint findings").toBe("");
    expect(res.exitCode).toBe(0);
  });

  it("pins every action by full commit SHA with the tag in a comment", () => {
    const lines = text.split("\n").filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it("runs the README's test command in the test job, with Go for the control-plane tier", () => {
    const readme = readFileSync(join(chartRoot, "README.md"), "utf8");
    for (const command of ["npm ci", "npm run setup", "npm test"]) {
      expect(readme).toContain(`\n${command}\n`);
      expect(runs("test")).toContain(command);
    }
    expect(uses("test").some((u) => u.startsWith("actions/setup-go@"))).toBe(true);
  });

  it("runs the kind e2e suite as required, ct lint and ct install in the kind job", () => {
    expect(stepWith("kind", "npm run test:e2e")?.env).toEqual({ E2E_REQUIRED: "1" });
    expect(runs("kind")).toEqual(
      expect.arrayContaining(["ct lint --config ct.yaml", "npm run ct-fixtures", "ct install --config ct.yaml"]),
    );
    // ct install finds the fixtures and the mock only when they were made first, in the kind cluster it installs to.
    const order = [
      "kind create cluster --name chart-testing",
      "kind load docker-image gitlab-runner-fleet/mock-gitlab:dev --name chart-testing",
      "npm run ct-fixtures",
      "ct install --config ct.yaml",
    ];
    const at = order.map((command) => runs("kind").findIndex((r) => r.includes(command)));
    expect(at.every((i) => i >= 0) && at.every((i, n) => n === 0 || i > (at[n - 1] ?? -1)), JSON.stringify(at)).toBe(
      true,
    );
    expect(runs("kind").some((r) => r.includes(`go install sigs.k8s.io/kind@${KIND_VERSION}`))).toBe(true);
    const ct = workflow.jobs.kind?.steps.find((s) => String(s.uses).startsWith("helm/chart-testing-action@"));
    expect(ct?.with?.version).toBe(CT_VERSION);
  });

  it("downloads the runner release of Chart.yaml's appVersion from the official URL and requires the runner tier", async () => {
    const download = runs("runner").find((r) => r.includes("gitlab-runner-linux-amd64")) ?? "";
    const sedScript = /version=\$\(sed -n '([^']+)' Chart\.yaml\)/.exec(download)?.[1];
    const base = /base="([^"]+)"/.exec(download)?.[1];
    expect(sedScript && base && download.includes('"${base}/binaries/gitlab-runner-linux-amd64"')).toBeTruthy();
    // The same sed the step runs, on the real Chart.yaml.
    const { stdout: version } = await execa("sed", ["-n", sedScript ?? "", join(chartRoot, "Chart.yaml")]);
    expect(version).toBe(runnerAppVersion);
    expect(`${base?.replace("${version}", version)}/binaries/gitlab-runner-linux-amd64`).toBe(
      runnerDownloadUrl(runnerAppVersion),
    );
    expect(stepWith("runner", "npm run test:runner")?.env).toEqual({ RUNNER_TIER_REQUIRED: "1" });
  });
});
