import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Engine, openEngine } from "@nexus/embedded-runtime";
import { createPhotoReader } from "@nexus/image-input";
import { createLogger, createMemorySink } from "@nexus/logging";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.js";
import { parseApiKeys } from "../../src/auth.js";
import { createEngineInsights } from "../../src/console/engine-insights.js";
import { createSettingsStore } from "../../src/console/settings-store.js";
import { createEmbeddedBackend } from "../../src/embedded-backend.js";

export const KEYS = {
  viewer: "viewer-secret-0000000000",
  analyst: "analyst-secret-000000000",
  admin: "admin-secret-00000000000",
};

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

export interface ConsoleHarness {
  readonly app: FastifyInstance;
  readonly engine: Engine;
  readonly dir: string;
  /** The API's log lines (audit records included). */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The API with the console over a real embedded engine. Photos are "hashed" by a stand-in that
 * records the bytes' real SHA-256 (what the photo route checks); PDQ maths is not under test here.
 */
export async function openConsoleHarness(assetsDir?: string): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), "nexus-console-api-"));
  const engine = await openEngine({
    dataDir: join(dir, "data"),
    hasher: {
      hash: async (ref) => {
        const bytes = "data" in ref ? Buffer.from(ref.data, "base64") : readFileSync(fileURLToPath(ref.url));
        const digest = sha256(bytes);
        return { pdq: digest, quality: 100, dihedral: [], width: 1, height: 1, sha256: digest };
      },
    },
  });
  const sink = createMemorySink();
  const app = await buildApp({
    backend: createEmbeddedBackend(engine),
    keys: parseApiKeys(`vera:viewer:${KEYS.viewer},ana:analyst:${KEYS.analyst},root:admin:${KEYS.admin}`),
    logger: createLogger({ service: "api", destination: sink }),
    images: { hash: async () => ({ pdq: "0".repeat(64), dihedral: [], quality: 90 }) },
    alerts: engine.alerting,
    console: {
      insights: createEngineInsights(engine),
      photos: createPhotoReader({ allowFile: true }),
      settings: createSettingsStore(join(dir, "settings.json")),
      ...(assetsDir ? { assetsDir } : {}),
    },
  });
  return {
    app,
    engine,
    dir,
    logs: sink.lines,
    async close() {
      await app.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in with a role's key; returns the cookie header and the CSRF token the console would keep. */
export async function signIn(app: FastifyInstance, role: keyof typeof KEYS): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: "POST", url: "/v1/session", payload: { key: KEYS[role] } });
  const set = String(response.headers["set-cookie"]);
  return { cookie: set.split(";")[0] as string, csrf: response.json().csrfToken };
}
