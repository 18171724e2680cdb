import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // tests/integration: the control-plane tier (a kwok cluster; skips with one line without Go).
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
