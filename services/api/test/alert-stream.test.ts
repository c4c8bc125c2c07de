import { createLogger, createMemorySink } from "@nexus/logging";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { eventId } from "../src/alert-cursor.js";
import { buildApp } from "../src/app.js";
import type { ApiBackend } from "../src/backend.js";
import { openSse } from "./alert-harness.js";
import { alert, createFakeAlertService } from "./fake-alert-service.js";

let app: FastifyInstance | undefined;
let logs = createMemorySink();
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(service: ReturnType<typeof createFakeAlertService>, heartbeatMs = 60_000): Promise<string> {
  logs = createMemorySink();
  app = await buildApp({
    // The stream never touches the search backend.
    backend: { name: "none" } as ApiBackend,
    keys: [],
    logger: createLogger({ service: "api", destination: logs }),
    images: { hash: async () => ({ pdq: "0".repeat(64), dihedral: [], quality: 0 }) },
    alerts: service,
    alertStream: { heartbeatMs },
  });
  return app.listen({ host: "127.0.0.1", port: 0 });
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe("GET /v1/alerts/stream", () => {
  it("sends the backlog, then live alerts; one raised while the backlog is read is sent once, in order", async () => {
    const service = createFakeAlertService([alert(1, "w_a"), alert(2, "w_a"), alert(3, "w_a")]);
    // The race the route must survive: while it reads the backlog, one alert it is about to read is
    // published live too (stored then published), and a newer one arrives only live.
    service.beforeRead = () => {
      service.beforeRead = undefined;
      for (const listener of service.listeners) listener(alert(3, "w_a"));
      service.raise(alert(4, "w_a"));
    };
    const client = await openSse(await serve(service), "/v1/alerts/stream?afterSeq=0", {});
    await client.until((alerts) => alerts.length >= 4);
    service.raise(alert(5, "w_a"));
    const alerts = await client.until((received) => received.length >= 5);
    expect(alerts.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(client.events.map((e) => e.id)).toEqual(alerts.map(eventId));
    client.close();
  });

  it("resumes after Last-Event-ID, inside a group of alerts that share a seq", async () => {
    const stored = [alert(1, "w_a"), alert(2, "w_a"), alert(2, "w_b"), alert(3, "w_a")];
    const service = createFakeAlertService(stored);
    const base = await serve(service);
    const client = await openSse(base, "/v1/alerts/stream", { "last-event-id": eventId(alert(2, "w_a")) });
    const alerts = await client.until((received) => received.length >= 2);
    expect(alerts.map((a) => a.id)).toEqual(["w_b:ad2", "w_a:ad3"]);
    client.close();
    const fresh = await openSse(base, "/v1/alerts/stream", {});
    service.raise(alert(9, "w_c"));
    expect((await fresh.until((received) => received.length >= 1)).map((a) => a.seq)).toEqual([9]);
    fresh.close();
  });

  it("filters by watch, beats a heartbeat, and lets go of a client that leaves", async () => {
    const service = createFakeAlertService([alert(1, "w_a"), alert(2, "w_b")]);
    const client = await openSse(await serve(service, 20), "/v1/alerts/stream?afterSeq=0&watchId=w_b", {});
    service.raise(alert(3, "w_a"));
    service.raise(alert(4, "w_b"));
    const alerts = await client.until((received) => received.length >= 2);
    expect(alerts.map((a) => a.id)).toEqual(["w_b:ad2", "w_b:ad4"]);
    await until(() => client.comments.includes("heartbeat"));
    expect(service.listeners.size).toBe(1);
    client.close();
    await until(() => service.listeners.size === 0);
    expect(logs.lines.filter((line) => line["audit"])).toEqual([
      expect.objectContaining({ route: "/v1/alerts/stream", principal: "local", status: 200 }),
    ]);
  });

  it("ends open streams when the app closes", async () => {
    const service = createFakeAlertService([]);
    const client = await openSse(await serve(service), "/v1/alerts/stream", {});
    await app?.close();
    app = undefined;
    await client.ended;
    expect(service.listeners.size).toBe(0);
  });
});
