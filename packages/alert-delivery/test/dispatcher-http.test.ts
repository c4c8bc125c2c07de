import type { Alert, AlertDelivery } from "@nexus/schemas";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AlertDispatcherOptions,
  createAlertDispatcher,
  verifyWebhook,
  WEBHOOK_HEADERS,
  type WebhookBody,
} from "../src/index.js";
import { alert, FakeClock, MemoryStore, type Receiver, SECRET, startReceiver, watch } from "./fakes.js";

/** The real dispatcher (HMAC, node:http transport) against a loopback receiver, on a hand-moved clock. */

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function setup(url: string, options: Partial<AlertDispatcherOptions> = {}) {
  const clock = new FakeClock();
  const store = new MemoryStore();
  const deadLetters: { delivery: AlertDelivery; alerts: readonly Alert[]; code: string }[] = [];
  const dispatcher = createAlertDispatcher({
    watchOf: (id) => (id === "w_watch1" ? watch(id, url, "case 17") : undefined),
    store,
    alertsOf: async () => [],
    onDeadLetter: (delivery, alerts, code) => {
      deadLetters.push({ delivery, alerts, code });
    },
    now: () => clock.now,
    timers: clock,
    random: () => 0.5,
    allowPrivateNetworks: true,
    ...options,
  });
  return { clock, store, deadLetters, dispatcher };
}

describe("alert dispatcher over HTTP", () => {
  it("sends a signed request the receiver can verify", async () => {
    receiver = await startReceiver();
    const { dispatcher, store, clock } = setup(receiver.url);
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    const [received] = receiver.requests;
    expect(received?.method).toBe("POST");
    expect(received?.headers["content-type"]).toBe("application/json");
    expect(received?.headers["user-agent"]).toBe("nexus-alerts/1");
    expect(received?.headers[WEBHOOK_HEADERS.delivery]).toBe("w_watch1|a1");
    expect(verifyWebhook(SECRET, received?.headers ?? {}, received?.body ?? "", { now: clock.now })).toBe(true);
    expect(
      verifyWebhook("not-the-secret-at-all", received?.headers ?? {}, received?.body ?? "", { now: clock.now }),
    ).toBe(false);
    const body = JSON.parse(received?.body ?? "{}") as WebhookBody;
    expect(body).toMatchObject({ deliveryId: "w_watch1|a1", type: "alert", watchId: "w_watch1", label: "case 17" });
    expect(body.alerts.map((item) => item.id)).toEqual(["a1"]);
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "delivered", attempts: 1, httpStatus: 200 });
    expect(store.saved.map((state) => state.status)).toEqual(["pending", "delivered"]);
  });

  it("retries a 500 with backoff and is delivered on the second attempt", async () => {
    receiver = await startReceiver((index) => (index === 0 ? 500 : 200));
    const { dispatcher, store, clock } = setup(receiver.url);
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "pending", attempts: 1, httpStatus: 500 });
    clock.advance(1_000);
    await dispatcher.flush();
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "delivered", attempts: 2, httpStatus: 200 });
    expect(receiver.requests).toHaveLength(2);
    expect(dispatcher.stats()).toMatchObject({ delivered: 1, attempts: 2, pending: 0 });
  });

  it("fails a permanently failing receiver after maxAttempts and dead-letters it", async () => {
    receiver = await startReceiver(() => 503);
    const { dispatcher, store, clock, deadLetters } = setup(receiver.url, { maxAttempts: 3 });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    for (let step = 0; step < 5; step++) {
      clock.advance(60_000);
      await dispatcher.flush();
    }
    expect(receiver.requests).toHaveLength(3);
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "failed", attempts: 3, lastError: "HTTP 503" });
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.code).toBe("NEXUS_WEBHOOK_FAILED");
    expect(deadLetters[0]?.alerts.map((item) => item.id)).toEqual(["a1"]);
  });

  it("sends a burst of 5 as one alert and one digest of the other 4", async () => {
    receiver = await startReceiver();
    const { dispatcher, store, clock } = setup(receiver.url);
    await dispatcher.enqueue(["a1", "a2", "a3", "a4", "a5"].map((id) => alert(id)));
    await dispatcher.flush();
    expect(receiver.requests).toHaveLength(1);
    expect(store.latest.get("w_watch1|a2")).toMatchObject({ status: "pending", digest: true, attempts: 0 });
    clock.advance(5_000);
    await dispatcher.flush();
    const bodies = receiver.requests.map((request) => JSON.parse(request.body) as WebhookBody);
    expect(bodies.map((body) => [body.type, body.alerts.map((item) => item.id)])).toEqual([
      ["alert", ["a1"]],
      ["digest", ["a2", "a3", "a4", "a5"]],
    ]);
    expect(store.latest.get("w_watch1|a2")).toMatchObject({ status: "delivered", alertIds: ["a2", "a3", "a4", "a5"] });
  });

  it("refuses a private address when private networks are not allowed, with the reason recorded", async () => {
    receiver = await startReceiver();
    const { dispatcher, store, deadLetters } = setup(receiver.url, { allowPrivateNetworks: false });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    // Fails if the guard is removed: the loopback receiver would then get the request.
    expect(receiver.requests).toHaveLength(0);
    const delivery = store.latest.get("w_watch1|a1");
    expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
    expect(delivery?.lastError).toMatch(/^NEXUS_WEBHOOK_REFUSED: 127\.0\.0\.1 resolves to 127\.0\.0\.1: private/);
    expect(deadLetters.map((dead) => dead.code)).toEqual(["NEXUS_WEBHOOK_REFUSED"]);
  });
});
