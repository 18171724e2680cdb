import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { chartRoot } from "../../../src/paths.js";

const toolDir = join(chartRoot, "tools", "runner-config-model");
const hasGo = (await execa("go", ["version"], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;
const source = process.env.GITLAB_RUNNER_SOURCE;
const commit = process.env.GITLAB_RUNNER_COMMIT;

describe("the runner config model generator", () => {
  it.skipIf(!hasGo)(
    `passes its Go tests (decoder field rules, type expressions, stop conditions)${hasGo ? "" : " — skipped: no go on PATH"}`,
    async () => {
      const result = await execa("go", ["test", "./..."], { cwd: toolDir, reject: false });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    },
    180_000,
  );

  it.skipIf(!hasGo || !source || !commit)(
    `reproduces the committed model from the runner source${source && commit ? "" : " — skipped: set GITLAB_RUNNER_SOURCE and GITLAB_RUNNER_COMMIT"}`,
    async () => {
      const result = await execa(
        "npx",
        ["tsx", "scripts/generate-runner-model.ts", "--source", source ?? "", "--commit", commit ?? "", "--check"],
        { cwd: chartRoot, reject: false },
      );
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
    },
    180_000,
  );
});
