import { inject } from "vitest";
import { KEYS } from "./stack.js";

/** Calls the suite's API directly with a role's key (for setup and for checking what the UI did). */
export async function apiAs<T>(
  role: keyof typeof KEYS,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject("apiUrl")}${path}`, {
    ...init,
    headers: { "x-api-key": KEYS[role], ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
