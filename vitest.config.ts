import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // tests/integration: the control-plane tier (a kwok cluster; skips with one line without Go).
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One test file per core: most time is spent in helm and shell child processes, so vitest's
    // default (cores - 1, a single worker on 2 cores) leaves a core idle. Files stay isolated in
    // their own forked process, so results do not depend on which files share a run.
    pool: "forks",
    maxWorkers: availableParallelism(),
  },
});
