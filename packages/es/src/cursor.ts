import { NexusError } from "@nexus/errors";

/** The sort values of a page's last hit, opaque to clients: base64url JSON. */
export function encodeCursor(sort: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(sort), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.every((v) => typeof v === "number" || typeof v === "string")) return value;
  } catch {
    // Falls through to the usage error below.
  }
  throw new NexusError("NEXUS_USAGE", "after is not a cursor this API returned", { details: { field: "after" } });
}
