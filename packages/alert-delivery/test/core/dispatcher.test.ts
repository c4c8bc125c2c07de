import type { Alert, AlertDelivery, Watch } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import {
  type AttemptResult,
  createDispatcherCore,
  type DispatcherOptions,
  type WebhookBody,
  type WebhookRequest,
} from "../../src/index.js";
import { alert, FakeClock, MemoryStore, watch } from "../fakes.js";

/** The pure dispatcher with a scripted transport: flood control, dedupe, resume, cancel. */

function setup(options: Partial<DispatcherOptions> & { watches?: Map<string, Watch>; answers?: number[] } = {}) {
  const clock = new FakeClock();
  const store = new MemoryStore();
  const sent: WebhookRequest[] = [];
  const watches = options.watches ?? new Map([["w_watch1", watch("w_watch1", "https://hooks.example.org/a")]]);
  const answers = [...(options.answers ?? [])];
  const known = new Map<string, Alert>();
  const dispatcher = createDispatcherCore({
    watchOf: (id) => watches.get(id),
    store,
    alertsOf: async (ids) => ids.flatMap((id) => known.get(id) ?? []),
    now: () => clock.now,
    timers: clock,
    random: () => 0,
    sign: (secret, timestamp, body) => `sig(${secret},${timestamp},${body.length})`,
    transport: async (request): Promise<AttemptResult> => {
      sent.push(request);
      return { kind: "response", status: answers.shift() ?? 200 };
    },
    ...options,
  });
  const bodies = () => sent.map((request) => JSON.parse(request.body) as WebhookBody);
  return { clock, store, sent, bodies, watches, known, dispatcher };
}

describe("dispatcher core", () => {
  it("ignores alerts whose watch has no webhook or is unknown", async () => {
    const watches = new Map([["w_quiet", watch("w_quiet")]]);
    const { dispatcher, sent, store } = setup({ watches });
    await dispatcher.enqueue([alert("a1", "w_quiet"), alert("a2", "w_gone")]);
    await dispatcher.flush({ closeWindows: true });
    expect(sent).toHaveLength(0);
    expect(store.saved).toHaveLength(0);
    expect(dispatcher.stats()).toMatchObject({ received: 2, ignored: 2 });
  });

  it("does not deliver a replayed alert twice", async () => {
    const { dispatcher, sent } = setup();
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush({ closeWindows: true });
    expect(sent).toHaveLength(1);
    expect(dispatcher.stats().duplicates).toBe(1);
  });

  it("keeps a sustained flood to one digest per window, and sends at once after a quiet window", async () => {
    const { dispatcher, bodies, clock } = setup();
    await dispatcher.enqueue([alert("a1"), alert("a2")]);
    clock.advance(5_000);
    await dispatcher.enqueue([alert("a3")]);
    clock.advance(5_000);
    clock.advance(5_000);
    await dispatcher.enqueue([alert("a4")]);
    await dispatcher.flush();
    expect(bodies().map((body) => `${body.type}:${body.alerts.map((item) => item.id).join(",")}`)).toEqual([
      "alert:a1",
      "digest:a2",
      "digest:a3",
      "alert:a4",
    ]);
  });

  it("sends held digests at once on flush({ closeWindows: true })", async () => {
    const { dispatcher, bodies } = setup();
    await dispatcher.enqueue([alert("a1"), alert("a2"), alert("a3")]);
    await dispatcher.flush({ closeWindows: true });
    expect(bodies().map((body) => body.alerts.length)).toEqual([1, 2]);
  });

  it("fails a 4xx at once without retrying", async () => {
    const deadLetters: AlertDelivery[] = [];
    const { dispatcher, sent, store, clock } = setup({ answers: [404], onDeadLetter: (d) => void deadLetters.push(d) });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    clock.advance(120_000);
    await dispatcher.flush();
    expect(sent).toHaveLength(1);
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "failed", httpStatus: 404, attempts: 1 });
    expect(deadLetters).toHaveLength(1);
  });

  it("resumes pending deliveries from the store, at their due time, with their alerts", async () => {
    const { dispatcher, store, known, bodies, clock } = setup();
    known.set("a1", alert("a1"));
    known.set("a2", alert("a2"));
    const due = new Date(clock.now + 2_000).toISOString();
    await store.save({
      id: "w_watch1|a1",
      watchId: "w_watch1",
      alertIds: ["a1", "a2"],
      digest: true,
      url: "x",
      status: "pending",
      attempts: 2,
      nextAttemptAt: due,
    });
    await store.save({
      id: "w_watch1|a9",
      watchId: "w_watch1",
      alertIds: ["a9"],
      url: "x",
      status: "pending",
      attempts: 0,
    });
    await dispatcher.resume();
    await dispatcher.flush();
    expect(bodies()).toHaveLength(0);
    // a9 cannot be read any more: cancelled rather than retried forever.
    expect(store.latest.get("w_watch1|a9")).toMatchObject({
      status: "failed",
      lastError: "cancelled: none of its alerts could be read",
    });
    clock.advance(2_000);
    await dispatcher.flush();
    expect(bodies().map((body) => [body.type, body.alerts.map((item) => item.id)])).toEqual([["digest", ["a1", "a2"]]]);
    expect(store.latest.get("w_watch1|a1")).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("cancels a pending delivery whose watch was removed", async () => {
    const { dispatcher, store, watches, clock } = setup({ answers: [500] });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    watches.delete("w_watch1");
    clock.advance(60_000);
    await dispatcher.flush();
    expect(store.latest.get("w_watch1|a1")).toMatchObject({
      status: "failed",
      lastError: "cancelled: the watch or its webhook was removed",
    });
  });

  it("does not accept an alert whose pending state could not be saved, so a retry is not a duplicate", async () => {
    const { dispatcher, store, sent } = setup();
    const save = store.save.bind(store);
    let failNext = true;
    store.save = async (delivery) => {
      if (failNext) {
        failNext = false;
        throw new Error("broker down");
      }
      await save(delivery);
    };
    await expect(dispatcher.enqueue([alert("a1")])).rejects.toThrow("broker down");
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush({ closeWindows: true });
    expect(sent).toHaveLength(1);
    expect(store.latest.get("w_watch1|a1")?.status).toBe("delivered");
  });

  it("stops retrying on close and leaves the delivery pending for the next start", async () => {
    const { dispatcher, store, sent, clock } = setup({ answers: [500] });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    await dispatcher.close();
    clock.advance(120_000);
    expect(sent).toHaveLength(1);
    expect(clock.pending).toBe(0);
    expect(store.latest.get("w_watch1|a1")?.status).toBe("pending");
    await expect(dispatcher.enqueue([alert("a2")])).rejects.toThrow("closed");
  });

  it("signs every attempt afresh with the watch's secret", async () => {
    const { dispatcher, sent, clock } = setup({ answers: [500, 200], backoff: { baseMs: 4_000, capMs: 60_000 } });
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    clock.advance(10_000);
    await dispatcher.flush();
    const stamps = sent.map((request) => request.headers["x-nexus-timestamp"]);
    expect(stamps[0]).not.toBe(stamps[1]);
    expect(sent[1]?.headers["x-nexus-signature"]).toContain("sig(s3cret-s3cret-s3cret,");
  });
});

describe("dispatcher core: background failures", () => {
  it("reports a state that could not be saved after an attempt, and flush still returns", async () => {
    const errors: unknown[] = [];
    const { dispatcher, store, sent } = setup({ onError: (error) => void errors.push(error) });
    const save = store.save.bind(store);
    store.save = async (delivery) => {
      if (delivery.status === "delivered") throw new Error("broker down");
      await save(delivery);
    };
    await dispatcher.enqueue([alert("a1")]);
    await dispatcher.flush();
    expect(sent).toHaveLength(1);
    expect(errors.map((error) => (error as Error).message)).toEqual(["broker down"]);
    // Still pending in the store: a restart resends, and the receiver de-duplicates on the delivery id.
    expect(store.latest.get("w_watch1|a1")?.status).toBe("pending");
  });
});
