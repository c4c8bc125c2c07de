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
    exclude: integration ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.integration.test.ts"],
    testTimeout: integration ? 300_000 : 30_000,
    hookTimeout: integration ? 600_000 : 30_000,
    pool: "forks",
    fileParallelism: !integration,
  },
});
