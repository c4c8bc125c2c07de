import { NexusError } from "@nexus/errors";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type ApiKey, authenticate, type Principal } from "../auth.js";
import { clearSessionCookie, sessionToken, setSessionCookie } from "../console/session-auth.js";
import type { Session, SessionStore } from "../console/sessions.js";
import type { SettingsStore, UserSettings } from "../console/settings-store.js";

export interface SessionRouteOptions {
  readonly keys: readonly ApiKey[];
  readonly sessions: SessionStore;
  readonly settings: SettingsStore;
}

const settingsSchema = {
  type: "object",
  additionalProperties: false,
  required: ["blurPhotos"],
  properties: {
    blurPhotos: { type: "boolean", description: "photos blurred until revealed (default true)" },
    language: { type: "string", enum: ["en", "es"] },
  },
} as const;

const secure = (request: FastifyRequest): boolean => request.protocol === "https";

function whoami(principal: Principal, session: Session | undefined, options: SessionRouteOptions) {
  return {
    user: { name: principal.name, role: principal.role },
    mode: options.keys.length === 0 ? "local" : "keys",
    ...(session ? { csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() } : {}),
  };
}

/**
 * Console sign-in: an API key, checked like `x-api-key`, becomes an HttpOnly, SameSite=Strict
 * session cookie; the key itself is never stored. The response carries the CSRF token the
 * console echoes on every write.
 */
export function registerSessionRoutes(app: FastifyInstance, options: SessionRouteOptions): void {
  app.post<{ Body: { key: string } }>(
    "/v1/session",
    {
      schema: {
        tags: ["console"],
        summary: "Sign in with an API key: sets an HttpOnly session cookie and returns the CSRF token",
        body: {
          type: "object",
          additionalProperties: false,
          required: ["key"],
          properties: { key: { type: "string", minLength: 1, maxLength: 512 } },
        },
      },
    },
    async (request, reply) => {
      if (options.keys.length === 0) {
        throw new NexusError("NEXUS_USAGE", "the API runs in local mode (no keys): nothing to sign in to");
      }
      const principal = authenticate(options.keys, request.body.key);
      request.principal = principal;
      const { token, session } = options.sessions.create(principal);
      setSessionCookie(reply, token, { session, secure: secure(request) });
      return whoami(principal, session, options);
    },
  );

  app.get(
    "/v1/session",
    {
      schema: { tags: ["console"], summary: "Who is signed in, their role and CSRF token" },
      config: { role: "viewer" },
    },
    async (request) => whoami(request.principal as Principal, options.sessions.find(sessionToken(request)), options),
  );

  app.delete(
    "/v1/session",
    { schema: { tags: ["console"], summary: "Sign out: ends the session" }, config: { role: "viewer" } },
    async (request, reply) => {
      options.sessions.destroy(sessionToken(request));
      clearSessionCookie(reply, secure(request));
      return reply.status(204).send();
    },
  );

  app.get(
    "/v1/me/settings",
    { schema: { tags: ["console"], summary: "The signed-in user's console settings" }, config: { role: "viewer" } },
    async (request) => options.settings.get((request.principal as Principal).name),
  );

  app.put<{ Body: UserSettings }>(
    "/v1/me/settings",
    {
      schema: { tags: ["console"], summary: "Change the user's console settings", body: settingsSchema },
      config: { role: "viewer" },
    },
    async (request) => options.settings.put((request.principal as Principal).name, request.body),
  );
}
