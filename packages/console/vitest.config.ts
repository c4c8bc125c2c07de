import { defineConfig } from "vitest/config";

// The browser suite (`npm run test:browser`): Playwright drives Debian's Chromium against the API
// serving the built console on a generated corpus. One API for all files, so files run in turn.
export default defineConfig({
  resolve: { conditions: ["nexus-source"] },
  ssr: { resolve: { conditions: ["nexus-source"] } },
  test: {
    root: import.meta.dirname,
    include: ["test/**/*.browser.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    pool: "forks",
    reporters: process.env.NEXUS_VITEST_JSON ? ["default", "json"] : ["default"],
    ...(process.env.NEXUS_VITEST_JSON ? { outputFile: { json: process.env.NEXUS_VITEST_JSON } } : {}),
  },
});
