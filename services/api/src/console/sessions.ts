import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Principal } from "../auth.js";

/** A signed-in console user: who, the CSRF token their writes must echo, and when it ends. */
export interface Session {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

export interface SessionStore {
  /** Returns the opaque cookie value; only its digest is kept. */
  create(principal: Principal): { token: string; session: Session };
  find(token: string | undefined): Session | undefined;
  destroy(token: string | undefined): void;
}

export interface SessionOptions {
  /** Idle and absolute lifetime of a session. Default 8 h. */
  readonly ttlMs?: number;
  /** Oldest sessions are dropped past this many (a flood of sign-ins cannot grow memory). */
  readonly maxSessions?: number;
  readonly now?: () => number;
}

const digestOf = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** In-memory sessions: a restart signs everyone out, which is the safe direction to fail. */
export function createSessionStore(options: SessionOptions = {}): SessionStore {
  const ttlMs = options.ttlMs ?? 8 * 60 * 60 * 1000;
  const maxSessions = options.maxSessions ?? 10_000;
  const now = options.now ?? Date.now;
  const sessions = new Map<string, Session>();
  return {
    create(principal) {
      const token = randomBytes(32).toString("base64url");
      const session: Session = {
        principal,
        csrfToken: randomBytes(24).toString("base64url"),
        expiresAt: now() + ttlMs,
      };
      sessions.set(digestOf(token), session);
      while (sessions.size > maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done) break;
        sessions.delete(oldest.value);
      }
      return { token, session };
    },
    find(token) {
      if (!token) return undefined;
      const key = digestOf(token);
      const session = sessions.get(key);
      if (session && session.expiresAt <= now()) {
        sessions.delete(key);
        return undefined;
      }
      return session;
    },
    destroy(token) {
      if (token) sessions.delete(digestOf(token));
    },
  };
}

/** Constant-time comparison of the CSRF token a request echoes with the session's. */
export function csrfMatches(session: Session, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
