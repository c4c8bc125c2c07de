import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, WEBHOOK_HEADERS } from "../../src/index.js";

const secret = "0123456789abcdef";
const body = JSON.stringify({ hello: "mundo" });
const now = 1_700_000_000_000;
const timestamp = now / 1_000;

function headers(signature = signWebhook(secret, timestamp, body), ts = String(timestamp)) {
  return { [WEBHOOK_HEADERS.signature]: signature, [WEBHOOK_HEADERS.timestamp]: ts };
}

describe("webhook signatures", () => {
  it("is the HMAC-SHA256 of timestamp.body, hex, prefixed", () => {
    const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it("verifies a genuine request, header names in any case", () => {
    expect(verifyWebhook(secret, headers(), body, { now })).toBe(true);
    const upper = { "X-Nexus-Signature": signWebhook(secret, timestamp, body), "X-Nexus-Timestamp": String(timestamp) };
    expect(verifyWebhook(secret, upper, body, { now })).toBe(true);
  });

  it("rejects another body, another secret, a missing header and a stale timestamp", () => {
    expect(verifyWebhook(secret, headers(), `${body} `, { now })).toBe(false);
    expect(verifyWebhook("another-secret-value", headers(), body, { now })).toBe(false);
    expect(verifyWebhook(secret, { [WEBHOOK_HEADERS.timestamp]: String(timestamp) }, body, { now })).toBe(false);
    expect(verifyWebhook(secret, headers(), body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhook(secret, headers(), body, { now: now + 301_000, toleranceSeconds: 600 })).toBe(true);
    expect(verifyWebhook(secret, headers("sha256=00"), body, { now })).toBe(false);
  });
});
