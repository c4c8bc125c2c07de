import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import type { AlertService } from "@nexus/alerting";
import type { Logger } from "@nexus/logging";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from "fastify";
import { auditRequest } from "./audit.js";
import { type ApiKey, authenticate, type Principal, type Role, requireRole } from "./auth.js";
import type { ApiBackend } from "./backend.js";
import { type ConsoleOptions, registerConsole } from "./console/register.js";
import { principalFromSession } from "./console/session-auth.js";
import { createSessionStore, type SessionStore } from "./console/sessions.js";
import { toHttpError } from "./http-errors.js";
import { registerAdRoutes } from "./routes/ads.js";
import type { AlertStreamOptions } from "./routes/alert-stream.js";
import { registerAlertRoutes } from "./routes/alerts.js";
import { registerEntityRoutes } from "./routes/entities.js";
import { registerImageRoutes } from "./routes/images.js";
import { registerWatchRoutes } from "./routes/watches.js";

export interface ImageHashing {
  hash(data: Buffer): Promise<{ pdq: string; dihedral: readonly string[]; quality: number }>;
}

export interface AppOptions {
  readonly backend: ApiBackend;
  /** Empty means local mode: no keys, every caller is admin (main.ts only allows it on loopback). */
  readonly keys: readonly ApiKey[];
  readonly logger: Logger;
  readonly images: ImageHashing;
  /** Watches and alerts: the engine's, or the Kafka-backed service in a distributed deployment. */
  readonly alerts: AlertService;
  readonly alertStream?: AlertStreamOptions;
  /** The analyst console (pages, sessions, its extra reads); absent, the API serves JSON only. */
  readonly console?: ConsoleOptions;
  readonly sessions?: SessionStore;
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    role?: Role;
  }
}

const LOCAL: Principal = { name: "local", role: "admin" };

/** A key in the request wins; without one, the console's session cookie (writes also need its CSRF token). */
function principalOf(request: FastifyRequest, keys: readonly ApiKey[], sessions: SessionStore): Principal {
  if (keys.length === 0) return LOCAL;
  const header = request.headers["x-api-key"];
  const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, "");
  const presented = (Array.isArray(header) ? header[0] : header) ?? bearer;
  return (presented ? undefined : principalFromSession(request, sessions)) ?? authenticate(keys, presented);
}

/** Builds the HTTP API (not listening): routes, auth by role, audit log, errors with stable codes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Typed as Fastify's base logger so routes see the default instance type; it is our pino logger.
  const loggerInstance: FastifyBaseLogger = options.logger;
  // Requests are logged once, by our audit hook; Fastify's own request lines are off.
  const logController = new LogController({ disableRequestLogging: true });
  const app: FastifyInstance = Fastify({ loggerInstance, logController, bodyLimit: 25_000_000 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Nexus API",
        version: "1.0.0",
        description: "Search ads and entities, see why ads are linked, ingest, watch and get alerted.",
      },
      components: { securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "x-api-key" } } },
      security: [{ apiKey: [] }],
    },
  });
  await app.register(cookie);
  const sessions = options.sessions ?? createSessionStore();
  app.setErrorHandler((thrown, request, reply) => {
    const { status, body } = toHttpError(thrown);
    if (status >= 500) request.log.error({ err: thrown }, "request failed");
    void reply.status(status).send(body);
  });
  app.addHook("onRequest", async (request) => {
    const role = request.routeOptions.config.role;
    if (!role) return;
    request.principal = principalOf(request, options.keys, sessions);
    requireRole(request.principal, role);
  });
  app.addHook("onResponse", async (request, reply) => {
    auditRequest(request, { status: reply.statusCode, ms: reply.elapsedTime });
  });
  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true }));
  app.get("/readyz", { schema: { hide: true } }, async () => ({ ok: true, backend: options.backend.name }));
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerAdRoutes(app, options.backend);
  registerEntityRoutes(app, options.backend);
  registerImageRoutes(app, options.backend, options.images);
  registerWatchRoutes(app, options.alerts, options.images);
  registerAlertRoutes(app, options.alerts, options.alertStream);
  if (options.console) {
    await registerConsole(app, { console: options.console, backend: options.backend, keys: options.keys, sessions });
  }
  return app;
}
