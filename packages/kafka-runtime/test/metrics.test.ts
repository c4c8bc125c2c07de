import { describe, expect, it } from "vitest";
import { startProbeServer } from "../src/http-server.js";
import { RuntimeMetrics } from "../src/index.js";

describe("RuntimeMetrics", () => {
  it("renders counters by label and a cumulative histogram in Prometheus text", () => {
    const metrics = new RuntimeMetrics();
    metrics.messagesIn.inc({ topic: "t" });
    metrics.messagesIn.inc({ topic: "t" });
    metrics.errors.inc({ code: "NEXUS_SCHEMA_INVALID" });
    metrics.latency.observe(0.003);
    metrics.latency.observe(0.2);
    const text = metrics.render();
    expect(text).toContain('nexus_messages_in_total{topic="t"} 2');
    expect(text).toContain('nexus_errors_total{code="NEXUS_SCHEMA_INVALID"} 1');
    expect(text).toContain("# TYPE nexus_processing_seconds histogram");
    expect(text).toContain('nexus_processing_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('nexus_processing_seconds_bucket{le="0.25"} 2');
    expect(text).toContain('nexus_processing_seconds_bucket{le="+Inf"} 2');
    expect(text).toContain("nexus_processing_seconds_count 2");
  });

  it("escapes label values", () => {
    const metrics = new RuntimeMetrics();
    metrics.messagesOut.inc({ topic: 'a"b\\c' });
    expect(metrics.render()).toContain('nexus_messages_out_total{topic="a\\"b\\\\c"} 1');
  });
});

describe("probe server", () => {
  it("serves /healthz, /readyz (503 until ready) and /metrics", async () => {
    let ready = false;
    const server = await startProbeServer(0, {
      healthy: () => true,
      ready: () => ready,
      status: () => ({ partitions: ready ? [0, 1] : [] }),
      metrics: () => "nexus_x 1\n",
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      ready = true;
      const readyz = await fetch(`${base}/readyz`);
      expect(readyz.status).toBe(200);
      expect(await readyz.json()).toEqual({ ok: true, partitions: [0, 1] });
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.headers.get("content-type")).toContain("text/plain");
      expect(await metrics.text()).toBe("nexus_x 1\n");
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
