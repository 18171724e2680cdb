import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the kind tier. Its global setup decides once whether docker and kind are usable and prints
// why not; the suites then report as skipped instead of passing silently.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    // One cluster at a time: image loads and --wait steps take minutes, and two would compete for the machine.
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
