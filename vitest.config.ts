import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Generous: the suite shares machines with other jobs, and no test asserts a timing.
    testTimeout: 30_000,
    include: ["test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    coverage: { provider: "v8", include: ["src/**/*.ts"] },
  },
});
