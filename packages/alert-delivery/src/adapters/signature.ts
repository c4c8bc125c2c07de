import { createHmac, timingSafeEqual } from "node:crypto";
import { WEBHOOK_HEADERS } from "../core/payload.js";

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is signed, so a captured request cannot be replayed later. */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface VerifyOptions {
  /** Milliseconds since the epoch. */
  readonly now: number;
  /** How far the signed timestamp may be from now. Default 300 s. */
  readonly toleranceSeconds?: number;
}

type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: Headers, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof entry === "string" ? entry : undefined;
}

/** For receivers (and tests): the signature matches the body and a timestamp within tolerance. */
export function verifyWebhook(secret: string, headers: Headers, body: string, options: VerifyOptions): boolean {
  const signature = header(headers, WEBHOOK_HEADERS.signature);
  const timestamp = header(headers, WEBHOOK_HEADERS.timestamp);
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  const skew = Math.abs(options.now / 1_000 - Number(timestamp));
  if (skew > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
