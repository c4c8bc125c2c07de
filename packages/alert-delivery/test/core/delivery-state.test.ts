import type { AlertDelivery } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { afterAttempt, classifyStatus, DEFAULT_BACKOFF, deliveryId, retryDelay } from "../../src/index.js";

const pending: AlertDelivery = {
  id: deliveryId("w_1", "a1"),
  watchId: "w_1",
  alertIds: ["a1"],
  url: "https://hooks.example/x",
  status: "pending",
  attempts: 0,
};
const context = { now: 0, maxAttempts: 3, retryInMs: 1_000 };

describe("delivery state", () => {
  it("derives the delivery id from the watch and the first alert", () => {
    expect(pending.id).toBe("w_1|a1");
  });

  it.each([
    [200, "delivered"],
    [204, "delivered"],
    [301, "reject"],
    [400, "reject"],
    [404, "reject"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
  ] as const)("classifies HTTP %i as %s", (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });

  it("schedules a retry on 5xx and fails once the attempts are used up", () => {
    const first = afterAttempt(pending, { kind: "response", status: 503 }, context);
    expect(first.verdict).toEqual({ kind: "retry", at: 1_000 });
    expect(first.delivery).toMatchObject({ status: "pending", attempts: 1, httpStatus: 503, lastError: "HTTP 503" });
    expect(first.delivery.nextAttemptAt).toBe(new Date(1_000).toISOString());
    const last = afterAttempt({ ...first.delivery, attempts: 2 }, { kind: "response", status: 503 }, context);
    expect(last.verdict).toEqual({ kind: "failed", code: "NEXUS_WEBHOOK_FAILED" });
    expect(last.delivery.status).toBe("failed");
    expect(last.delivery.nextAttemptAt).toBeUndefined();
  });

  it("fails a 4xx at once, and a redirect too (never followed)", () => {
    expect(afterAttempt(pending, { kind: "response", status: 410 }, context).verdict.kind).toBe("failed");
    const redirect = afterAttempt(pending, { kind: "response", status: 302 }, context).delivery;
    expect(redirect.lastError).toContain("redirects are not followed");
  });

  it("clears the last error once delivered", () => {
    const retried = afterAttempt(pending, { kind: "response", status: 500 }, context).delivery;
    const done = afterAttempt(retried, { kind: "response", status: 200 }, context).delivery;
    expect(done).toMatchObject({ status: "delivered", attempts: 2, httpStatus: 200 });
    expect(done.lastError).toBeUndefined();
  });

  it("keeps the code of a refused request and does not retry it", () => {
    const refused = afterAttempt(
      pending,
      { kind: "error", code: "NEXUS_WEBHOOK_REFUSED", message: "x resolves to 10.0.0.1", retryable: false },
      context,
    );
    expect(refused.verdict).toEqual({ kind: "failed", code: "NEXUS_WEBHOOK_REFUSED" });
    expect(refused.delivery.lastError).toBe("NEXUS_WEBHOOK_REFUSED: x resolves to 10.0.0.1");
  });
});

describe("retryDelay", () => {
  it("grows exponentially within [half, full] of the step and stops at the cap", () => {
    expect(retryDelay(DEFAULT_BACKOFF, 1, 0)).toBe(250);
    expect(retryDelay(DEFAULT_BACKOFF, 1, 1)).toBe(500);
    expect(retryDelay(DEFAULT_BACKOFF, 3, 0.5)).toBe(1_500);
    expect(retryDelay(DEFAULT_BACKOFF, 20, 1)).toBe(60_000);
    expect(retryDelay(DEFAULT_BACKOFF, 20, 0)).toBe(30_000);
  });
});
