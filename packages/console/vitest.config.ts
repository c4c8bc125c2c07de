import { resolve } from "node:path";
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
    // Relative to where npm runs (the repository root), not to this root: .ci/run reads it there.
    ...(process.env.NEXUS_VITEST_JSON ? { outputFile: { json: resolve(process.env.NEXUS_VITEST_JSON) } } : {}),
  },
});
