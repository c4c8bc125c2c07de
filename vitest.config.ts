import { defineConfig } from "vitest/config";

// Unit and contract tests run by default; integration suites (`*.integration.test.ts`) run only
// through `npm run test:integration`, which sets NEXUS_INTEGRATION=1.
const integration = process.env.NEXUS_INTEGRATION === "1";

export default defineConfig({
  resolve: { conditions: ["nexus-source"] },
  ssr: { resolve: { conditions: ["nexus-source"] } },
  test: {
    include: integration
      ? ["**/*.integration.test.ts"]
      : ["packages/*/test/**/*.test.ts", "services/*/test/**/*.test.ts", "test/unit/**/*.test.ts"],
    // Browser suites (`*.browser.test.ts`) run through `npm run test:browser` with their own setup.
    exclude: integration
      ? ["**/node_modules/**", "**/*.browser.test.ts"]
      : ["**/node_modules/**", "**/*.integration.test.ts", "**/*.browser.test.ts"],
    testTimeout: integration ? 300_000 : 30_000,
    hookTimeout: integration ? 600_000 : 30_000,
    pool: "forks",
    // Some tests run the compiled CLI and services (node dist/…): compile first.
    globalSetup: ["test/setup/build.ts"],
    // CI asks for a JSON report too, to print its closing "N passed, N failed" line.
    reporters: process.env.NEXUS_VITEST_JSON ? ["default", "json"] : ["default"],
    ...(process.env.NEXUS_VITEST_JSON ? { outputFile: { json: process.env.NEXUS_VITEST_JSON } } : {}),
    fileParallelism: !integration,
  },
});
