import { describe, expect, it } from "vitest";
import { deliveryMetrics } from "../src/delivery-metrics.js";

describe("deliveryMetrics", () => {
  it("renders each dispatcher figure as a Prometheus series", () => {
    const text = deliveryMetrics({
      received: 7,
      ignored: 1,
      duplicates: 0,
      attempts: 9,
      delivered: 5,
      failed: 1,
      pending: 2,
      inFlight: 0,
    });
    expect(text).toContain("# TYPE nexus_webhook_delivered_total counter\nnexus_webhook_delivered_total 5\n");
    expect(text).toContain("nexus_webhook_pending 2\n");
    expect(text).toContain("nexus_webhook_attempts_total 9\n");
    expect(deliveryMetrics(undefined)).toBe("");
  });
});
