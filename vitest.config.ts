import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The consumer projects run inside test/package/consumer.test.ts, against the packed tarball.
    exclude: [...configDefaults.exclude, "test/package/consumer/**"],
    // Property tests run hundreds of cases; on a loaded 2-core CI machine 5 s is too tight. No test asserts timing.
    testTimeout: 30_000,
    coverage: { provider: "v8", include: ["src/**/*.ts"] },
  },
});
