import { defineConfig } from "vitest/config";

// `npm run test:runner`: the real gitlab-runner binary against the chart's files and the mock GitLab. Skips, with
// the reason printed once, where the binary is missing.
export default defineConfig({
  test: {
    include: ["tests/runner/**/*.test.ts"],
    globalSetup: ["tests/runner/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
