import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One test file per core: most time is spent in helm and shell child processes, so vitest's
    // default (cores - 1, a single worker on 2 cores) leaves a core idle.
    pool: "forks",
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        // Unit files share their worker's module cache (isolate: false): re-importing execa, yaml and
        // the Kubernetes client for each of ~50 files cost ~10 s cpu of the suite. No unit test mocks
        // modules, stubs globals or changes process.env, so a file's result does not depend on which
        // files ran before it in the same worker.
        // GOGC=400: most unit cpu is ~300 short helm runs (~0.1 s each); Go's garbage collector at its
        // default pace took ~25% of that for ~5 MB less peak memory per run (measured with helm 3 and 4).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false, env: { GOGC: "400" } },
      },
      {
        extends: true,
        // tests/integration: the control-plane tier (a kwok cluster; skips with one line without Go).
        // Each file keeps its own process: the cluster harness holds per-process state.
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"] },
      },
    ],
  },
});
