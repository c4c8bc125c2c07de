import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpTransport, type WebhookRequest } from "../../src/index.js";
import { type Receiver, startReceiver } from "../fakes.js";

const request = (url: string, timeoutMs = 5_000): WebhookRequest => ({
  url,
  body: '{"x":1}',
  timeoutMs,
  headers: { "content-type": "application/json" },
});

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe("http transport: SSRF guard", () => {
  it("refuses a loopback receiver unless private networks are allowed, and sends nothing", async () => {
    receiver = await startReceiver();
    const refused = await createHttpTransport()(request(receiver.url));
    expect(refused).toMatchObject({ kind: "error", code: "NEXUS_WEBHOOK_REFUSED", retryable: false });
    expect(refused.kind === "error" && refused.message).toContain("127.0.0.1");
    // The guard is what stops it: the same request goes through once private networks are allowed.
    expect(receiver.requests).toHaveLength(0);
    const allowed = await createHttpTransport({ allowPrivateNetworks: true })(request(receiver.url));
    expect(allowed).toEqual({ kind: "response", status: 200 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.body).toBe('{"x":1}');
  });

  it("checks names after resolution: every address of the name must be public", async () => {
    receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const toLoopback = createHttpTransport({ resolveHost: async () => ["127.0.0.1"] });
    expect(await toLoopback(request(`http://hooks.example.org:${port}/`))).toMatchObject({
      code: "NEXUS_WEBHOOK_REFUSED",
    });
    const mixed = createHttpTransport({ resolveHost: async () => ["93.184.216.34", "10.1.2.3"] });
    expect(await mixed(request("http://hooks.example.org/"))).toMatchObject({ code: "NEXUS_WEBHOOK_REFUSED" });
    expect(receiver.requests).toHaveLength(0);
  });

  it.each([
    "http://169.254.169.254/latest/meta-data",
    "http://[::1]:8080/",
    "http://[::ffff:127.0.0.1]/",
    "http://192.168.1.10/hook",
    "http://0.0.0.0/",
  ])("refuses %s", async (url) => {
    expect(await createHttpTransport()(request(url))).toMatchObject({ code: "NEXUS_WEBHOOK_REFUSED" });
  });

  it("refuses other schemes", async () => {
    expect(await createHttpTransport()(request("file:///etc/passwd"))).toMatchObject({
      code: "NEXUS_WEBHOOK_REFUSED",
    });
  });

  it("reports a failed name lookup as retryable", async () => {
    const broken = createHttpTransport({
      resolveHost: async () => {
        throw new Error("ENOTFOUND");
      },
    });
    expect(await broken(request("http://nowhere.invalid/"))).toMatchObject({
      code: "NEXUS_WEBHOOK_FAILED",
      retryable: true,
    });
  });
});

describe("http transport: requests", () => {
  it("does not follow redirects", async () => {
    receiver = await startReceiver(() => 302);
    const result = await createHttpTransport({ allowPrivateNetworks: true })(request(receiver.url));
    expect(result).toEqual({ kind: "response", status: 302 });
    expect(receiver.requests).toHaveLength(1);
  });

  it("gives up on a receiver that never answers, as a retryable timeout", async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await createHttpTransport({ allowPrivateNetworks: true })(
        request(`http://127.0.0.1:${port}/`, 200),
      );
      expect(result).toMatchObject({ kind: "error", code: "NEXUS_WEBHOOK_FAILED", retryable: true });
      expect(result.kind === "error" && result.message).toContain("timed out");
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("reports a refused connection as retryable", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await createHttpTransport({ allowPrivateNetworks: true })(request(`http://127.0.0.1:${port}/`));
    expect(result).toMatchObject({ kind: "error", code: "NEXUS_WEBHOOK_FAILED", retryable: true });
  });
});
