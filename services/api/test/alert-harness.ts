import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Engine, openEngine } from "@nexus/embedded-runtime";
import { createLogger, createMemorySink } from "@nexus/logging";
import type { Alert } from "@nexus/schemas";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import { parseApiKeys } from "../src/auth.js";
import { createEmbeddedBackend } from "../src/embedded-backend.js";

export const KEYS = { viewer: "v-secret", analyst: "a-secret", admin: "ad-secret" } as const;
export type RoleName = keyof typeof KEYS;
export const as = (role: RoleName) => ({ "x-api-key": KEYS[role] });

/** A photo's stand-in: the same bytes (an upload, or an ad's image url) always give the same PDQ. */
export const fakePdq = (text: string): string => createHash("sha256").update(text).digest("hex");

export interface TestApi {
  readonly app: FastifyInstance;
  readonly engine: Engine;
  readonly logs: ReturnType<typeof createMemorySink>;
  close(): Promise<void>;
}

/** The real API over a real embedded engine in a temporary data dir; only image decoding is faked. */
export async function openTestApi(options: { heartbeatMs?: number } = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), "nexus-api-alerts-"));
  const engine = await openEngine({
    dataDir: dir,
    hasher: {
      hash: async (ref) => {
        const pdq = fakePdq("url" in ref ? ref.url : ref.data);
        return { pdq, quality: 100, dihedral: [], width: 1, height: 1, sha256: pdq };
      },
    },
  });
  const logs = createMemorySink();
  const app = await buildApp({
    backend: createEmbeddedBackend(engine),
    keys: parseApiKeys(`vera:viewer:${KEYS.viewer},ana:analyst:${KEYS.analyst},root:admin:${KEYS.admin}`),
    logger: createLogger({ service: "api", destination: logs }),
    images: { hash: async (data) => ({ pdq: fakePdq(data.toString()), dihedral: [], quality: 90 }) },
    alerts: engine.alerting,
    ...(options.heartbeatMs ? { alertStream: { heartbeatMs: options.heartbeatMs } } : {}),
  });
  return {
    app,
    engine,
    logs,
    async close() {
      await app.close();
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SseEvent {
  readonly event?: string;
  readonly id?: string;
  readonly data?: string;
}

/** A real HTTP client on the SSE endpoint, collecting events (and comments) as they arrive. */
export interface SseClient {
  readonly events: SseEvent[];
  readonly comments: string[];
  alerts(): Alert[];
  /** Resolves once `check` holds for the events received (polling the buffer, not the clock). */
  until(check: (alerts: Alert[]) => boolean, timeoutMs?: number): Promise<Alert[]>;
  close(): void;
  readonly ended: Promise<void>;
}

function parseBlock(block: string, client: { events: SseEvent[]; comments: string[] }): void {
  const event: { event?: string; id?: string; data?: string } = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) client.comments.push(line.slice(1).trim());
    const match = /^(event|id|data): ?(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) event[match[1] as "event" | "id" | "data"] = match[2];
  }
  if (event.event || event.data) client.events.push(event);
}

export async function openSse(baseUrl: string, path: string, headers: Record<string, string>): Promise<SseClient> {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  // node:http with a connection of its own, so that closing the client closes the socket.
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(`${baseUrl}${path}`, { headers, agent: false }, resolve).on("error", reject);
  });
  if (response.statusCode !== 200) {
    response.destroy();
    throw new Error(`SSE answered ${response.statusCode}`);
  }
  response.setEncoding("utf8");
  let buffer = "";
  response.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      parseBlock(buffer.slice(0, end), { events, comments });
      buffer = buffer.slice(end + 2);
    }
  });
  const ended = new Promise<void>((resolve) => response.on("close", resolve));
  const alerts = () => events.filter((e) => e.event === "alert").map((e) => JSON.parse(e.data ?? "{}") as Alert);
  return {
    events,
    comments,
    alerts,
    async until(check, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check(alerts())) {
        if (Date.now() > deadline) throw new Error(`SSE: condition not met; got ${JSON.stringify(alerts())}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return alerts();
    },
    close: () => response.destroy(),
    ended,
  };
}
