import { NexusError } from "@nexus/errors";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Principal } from "../auth.js";
import { csrfMatches, type Session, type SessionStore } from "./sessions.js";

export const SESSION_COOKIE = "nexus_session";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

/** The request came from another site if its Origin names a host other than the one it was sent to. */
function crossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * The principal of a cookie-authenticated request, or undefined when there is no live session.
 * A write (any method but GET/HEAD/OPTIONS) must also echo the session's CSRF token in
 * `x-csrf-token` and must not come from another origin: the cookie alone is what a forged
 * cross-site request would carry, the token is what it cannot know.
 */
export function principalFromSession(request: FastifyRequest, sessions: SessionStore): Principal | undefined {
  const session = sessions.find(sessionToken(request));
  if (!session) return undefined;
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER];
    if (crossOrigin(request) || !csrfMatches(session, Array.isArray(header) ? header[0] : header)) {
      throw new NexusError("NEXUS_AUTH_CSRF", "a console write needs the session's x-csrf-token, from its own origin");
    }
  }
  return session.principal;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { session: Session; secure: boolean },
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
    expires: new Date(options.session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}
