import type { PhotoReader } from "@nexus/image-input";
import type { FastifyInstance } from "fastify";
import type { ApiKey } from "../auth.js";
import type { ApiBackend } from "../backend.js";
import { registerConsoleDataRoutes } from "../routes/console-data.js";
import { registerDecisionRoutes } from "../routes/decisions.js";
import { registerExportRoutes } from "../routes/exports.js";
import { registerSessionRoutes } from "../routes/session.js";
import { registerConsoleAssets } from "./assets.js";
import type { InsightBackend } from "./insights.js";
import type { SessionStore } from "./sessions.js";
import type { SettingsStore } from "./settings-store.js";

/** What the analyst console adds to the API: its data, its sessions, its pages. */
export interface ConsoleOptions {
  readonly insights: InsightBackend;
  readonly photos: PhotoReader;
  readonly settings: SettingsStore;
  /** The `vite build` output; absent or unbuilt, the pages say how to build it. */
  readonly assetsDir?: string;
}

export async function registerConsole(
  app: FastifyInstance,
  deps: { console: ConsoleOptions; backend: ApiBackend; keys: readonly ApiKey[]; sessions: SessionStore },
): Promise<void> {
  const { insights, photos, settings, assetsDir } = deps.console;
  registerSessionRoutes(app, { keys: deps.keys, sessions: deps.sessions, settings });
  registerConsoleDataRoutes(app, { backend: deps.backend, insights, photos });
  registerDecisionRoutes(app, insights);
  registerExportRoutes(app, { backend: deps.backend, insights });
  await registerConsoleAssets(app, assetsDir);
}
