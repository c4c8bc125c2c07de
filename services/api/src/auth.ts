import { createHash, timingSafeEqual } from "node:crypto";
import { NexusError } from "@nexus/errors";

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  readonly name: string;
  readonly role: Role;
  readonly digest: Buffer;
}

export interface Principal {
  readonly name: string;
  readonly role: Role;
}

const digest = (secret: string): Buffer => createHash("sha256").update(secret).digest();

/** `NEXUS_API_KEYS` = comma-separated `name:role:secret` entries. Only digests are kept. */
export function parseApiKeys(spec: string): ApiKey[] {
  return spec
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, role, ...rest] = entry.split(":");
      const secret = rest.join(":");
      if (!name || !secret || !(ROLES as readonly string[]).includes(role ?? "")) {
        throw new NexusError(
          "NEXUS_CONFIG_INVALID",
          `NEXUS_API_KEYS entry "${name ?? ""}" must be name:role:secret with role one of ${ROLES.join(", ")}`,
        );
      }
      return { name, role: role as Role, digest: digest(secret) };
    });
}

/** Finds the key a request presents (x-api-key header, or Authorization: Bearer), in constant time. */
export function authenticate(keys: readonly ApiKey[], presented: string | undefined): Principal {
  if (!presented) throw new NexusError("NEXUS_AUTH_MISSING", "an API key is required (x-api-key header)");
  const candidate = digest(presented);
  const found = keys.find((key) => timingSafeEqual(key.digest, candidate));
  if (!found) throw new NexusError("NEXUS_AUTH_MISSING", "unknown API key");
  return { name: found.name, role: found.role };
}

export function requireRole(principal: Principal, needed: Role): void {
  if (ROLES.indexOf(principal.role) < ROLES.indexOf(needed)) {
    throw new NexusError(
      "NEXUS_AUTH_FORBIDDEN",
      `this needs the ${needed} role; the key "${principal.name}" is ${principal.role}`,
    );
  }
}
