import type { Alert, AlertDelivery } from "@nexus/schemas";
import { DEFAULT_BACKOFF, retryDelay } from "./backoff.js";
import { afterAttempt, cancelled, newDelivery, withAlert } from "./delivery-state.js";
import { FloodControl } from "./flood-control.js";
import { buildWebhookRequest } from "./payload.js";
import type { AlertDispatcher, DispatcherOptions, DispatcherStats, FlushOptions } from "./types.js";

export const DISPATCHER_DEFAULTS = { maxAttempts: 6, timeoutMs: 5_000, digestWindowMs: 5_000 } as const;

interface Entry {
  delivery: AlertDelivery;
  readonly alerts: Alert[];
  /** A held digest still taking alerts: not attempted until its window closes. */
  open: boolean;
  dueAt: number;
  timer: unknown;
}

type Counters = { -readonly [K in Exclude<keyof DispatcherStats, "pending" | "inFlight">]: number };

/**
 * Delivery decisions over injected ports: no I/O, clock or timers of its own. Entries live in memory
 * while pending; every state change goes to the DeliveryStore first (per delivery, in order).
 */
class Dispatcher implements AlertDispatcher {
  readonly #o: DispatcherOptions;
  readonly #flood: FloodControl;
  readonly #entries = new Map<string, Entry>();
  readonly #known = new Map<string, string>();
  readonly #openDigest = new Map<string, string>();
  readonly #windowTimers = new Map<string, unknown>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #saves = new Map<string, Promise<void>>();
  readonly #counters: Counters = { received: 0, ignored: 0, duplicates: 0, attempts: 0, delivered: 0, failed: 0 };
  #closed = false;

  constructor(options: DispatcherOptions) {
    this.#o = options;
    this.#flood = new FloodControl(options.digestWindowMs ?? DISPATCHER_DEFAULTS.digestWindowMs);
  }

  async enqueue(alerts: readonly Alert[]): Promise<void> {
    if (this.#closed) throw new Error("alert dispatcher is closed");
    for (const alert of alerts) await this.#enqueueOne(alert);
  }

  async #enqueueOne(alert: Alert): Promise<void> {
    this.#counters.received += 1;
    const webhook = this.#o.watchOf(alert.watchId)?.webhook;
    if (webhook === undefined) {
      this.#counters.ignored += 1;
      return;
    }
    if (this.#known.has(alert.id) || (await this.#o.store.deliveryOf(alert.id)) !== undefined) {
      this.#counters.duplicates += 1;
      return;
    }
    const now = this.#o.now();
    if (this.#flood.admit(alert.watchId, now) === "send") {
      const entry = this.#add(newDelivery({ ...this.#spec(alert, webhook.url, now), digest: false, dueAt: now }), [
        alert,
      ]);
      this.#armWindow(alert.watchId);
      await this.#persistNew(entry);
      this.#start(entry);
      return;
    }
    await this.#hold(alert, webhook.url, now);
  }

  #spec(alert: Alert, url: string, now: number) {
    return { watchId: alert.watchId, alerts: [alert] as [Alert], url, now };
  }

  /** Adds a held alert to the watch's open digest, saved as pending until the window closes. */
  async #hold(alert: Alert, url: string, now: number): Promise<void> {
    const openId = this.#openDigest.get(alert.watchId);
    const open = openId === undefined ? undefined : this.#entries.get(openId);
    if (open === undefined) {
      const dueAt = this.#flood.closesAt(alert.watchId) ?? now;
      const entry = this.#add(newDelivery({ ...this.#spec(alert, url, now), digest: true, dueAt }), [alert]);
      entry.open = true;
      this.#openDigest.set(alert.watchId, entry.delivery.id);
      this.#armWindow(alert.watchId);
      await this.#persistNew(entry);
      return;
    }
    open.alerts.push(alert);
    open.delivery = withAlert(open.delivery, alert.id, now);
    this.#known.set(alert.id, open.delivery.id);
    try {
      await this.#persist(open.delivery);
    } catch (thrown) {
      // Not saved, so not accepted: the caller retries and the alert is held again.
      open.alerts.splice(open.alerts.indexOf(alert), 1);
      const alertIds = open.delivery.alertIds.filter((id) => id !== alert.id) as AlertDelivery["alertIds"];
      open.delivery = { ...open.delivery, alertIds };
      this.#known.delete(alert.id);
      throw thrown;
    }
  }

  /** A new delivery is accepted only once saved; if the save fails it is forgotten and the caller retries. */
  async #persistNew(entry: Entry): Promise<void> {
    try {
      await this.#persist(entry.delivery);
    } catch (thrown) {
      this.#entries.delete(entry.delivery.id);
      for (const id of entry.delivery.alertIds) this.#known.delete(id);
      if (this.#openDigest.get(entry.delivery.watchId) === entry.delivery.id)
        this.#openDigest.delete(entry.delivery.watchId);
      throw thrown;
    }
  }

  #add(delivery: AlertDelivery, alerts: Alert[]): Entry {
    const entry: Entry = { delivery, alerts, open: false, dueAt: this.#o.now(), timer: undefined };
    this.#entries.set(delivery.id, entry);
    for (const id of delivery.alertIds) this.#known.set(id, delivery.id);
    return entry;
  }

  #armWindow(watchId: string): void {
    const closesAt = this.#flood.closesAt(watchId);
    if (closesAt === undefined || this.#windowTimers.has(watchId) || this.#closed) return;
    const handle = this.#o.timers.set(() => this.#closeWindow(watchId), Math.max(0, closesAt - this.#o.now()));
    this.#windowTimers.set(watchId, handle);
  }

  #closeWindow(watchId: string): void {
    const handle = this.#windowTimers.get(watchId);
    if (handle !== undefined) this.#o.timers.clear(handle);
    this.#windowTimers.delete(watchId);
    this.#flood.close(watchId, this.#o.now());
    const digestId = this.#openDigest.get(watchId);
    this.#openDigest.delete(watchId);
    const entry = digestId === undefined ? undefined : this.#entries.get(digestId);
    if (entry !== undefined) {
      entry.open = false;
      this.#start(entry);
    }
    this.#armWindow(watchId);
  }

  /** Runs an attempt now, tracked so flush() and close() can wait for it. */
  #start(entry: Entry): void {
    if (this.#closed) return;
    const running = this.#attempt(entry).catch((thrown: unknown) => this.#o.onError?.(thrown));
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
  }

  #schedule(entry: Entry, at: number): void {
    entry.dueAt = at;
    if (this.#closed) return;
    entry.timer = this.#o.timers.set(
      () => {
        entry.timer = undefined;
        this.#start(entry);
      },
      Math.max(0, at - this.#o.now()),
    );
  }

  async #attempt(entry: Entry): Promise<void> {
    const watch = this.#o.watchOf(entry.delivery.watchId);
    const webhook = watch?.webhook;
    if (watch === undefined || webhook === undefined) {
      await this.#finish(entry, cancelled(entry.delivery, "the watch or its webhook was removed", this.#o.now()));
      return;
    }
    this.#counters.attempts += 1;
    const { sign } = this.#o;
    const timeoutMs = this.#o.timeoutMs ?? DISPATCHER_DEFAULTS.timeoutMs;
    const delivery = { ...entry.delivery, url: webhook.url };
    const request = buildWebhookRequest(
      delivery,
      entry.alerts,
      { watch, ...webhook },
      { now: this.#o.now(), timeoutMs, sign },
    );
    const result = await this.#o.transport(request);
    const retryInMs = retryDelay(this.#o.backoff ?? DEFAULT_BACKOFF, delivery.attempts + 1, this.#o.random());
    const maxAttempts = this.#o.maxAttempts ?? DISPATCHER_DEFAULTS.maxAttempts;
    const next = afterAttempt(delivery, result, { now: this.#o.now(), maxAttempts, retryInMs });
    if (next.verdict.kind === "retry") {
      entry.delivery = next.delivery;
      await this.#persist(next.delivery);
      this.#schedule(entry, next.verdict.at);
      return;
    }
    await this.#finish(entry, next.delivery);
    if (next.verdict.kind === "failed") await this.#o.onDeadLetter?.(next.delivery, entry.alerts, next.verdict.code);
  }

  async #finish(entry: Entry, delivery: AlertDelivery): Promise<void> {
    entry.delivery = delivery;
    this.#entries.delete(delivery.id);
    for (const id of delivery.alertIds) this.#known.delete(id);
    if (delivery.status === "delivered") this.#counters.delivered += 1;
    else this.#counters.failed += 1;
    await this.#persist(delivery);
  }

  /** Saves of one delivery are chained, so the store sees its states in the order they happened. */
  #persist(delivery: AlertDelivery): Promise<void> {
    const previous = this.#saves.get(delivery.id) ?? Promise.resolve();
    const saved = previous.catch(() => undefined).then(() => this.#o.store.save(delivery));
    this.#saves.set(delivery.id, saved);
    const forget = (): void => {
      if (this.#saves.get(delivery.id) === saved) this.#saves.delete(delivery.id);
    };
    saved.then(forget, forget);
    return saved;
  }

  async resume(): Promise<void> {
    const pending = (await this.#o.store.pending()).filter((delivery) => !this.#entries.has(delivery.id));
    if (pending.length === 0) return;
    const ids = [...new Set(pending.flatMap((delivery) => delivery.alertIds))];
    const byId = new Map((await this.#o.alertsOf(ids)).map((alert) => [alert.id, alert]));
    for (const delivery of pending) {
      const alerts = delivery.alertIds.flatMap((id) => byId.get(id) ?? []);
      const entry = this.#add(delivery, alerts);
      if (alerts.length === 0) {
        await this.#finish(entry, cancelled(delivery, "none of its alerts could be read", this.#o.now()));
        continue;
      }
      const due = delivery.nextAttemptAt === undefined ? Number.NaN : Date.parse(delivery.nextAttemptAt);
      this.#schedule(entry, Number.isNaN(due) ? this.#o.now() : due);
    }
  }

  async flush(options: FlushOptions = {}): Promise<void> {
    if (options.closeWindows === true) for (const watchId of this.#flood.open()) this.#closeWindow(watchId);
    const now = this.#o.now();
    for (const entry of this.#entries.values()) {
      if (entry.open || entry.timer === undefined || entry.dueAt > now) continue;
      this.#o.timers.clear(entry.timer);
      entry.timer = undefined;
      this.#start(entry);
    }
    await this.#settle();
  }

  async #settle(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#saves.size > 0) {
      await Promise.allSettled([...this.#inFlight, ...this.#saves.values()]);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const handle of this.#windowTimers.values()) this.#o.timers.clear(handle);
    this.#windowTimers.clear();
    for (const entry of this.#entries.values()) if (entry.timer !== undefined) this.#o.timers.clear(entry.timer);
    await this.#settle();
  }

  stats(): DispatcherStats {
    return { ...this.#counters, pending: this.#entries.size, inFlight: this.#inFlight.size };
  }
}

/** The dispatcher over explicit ports (clock, timers, randomness, transport, signer). */
export function createDispatcherCore(options: DispatcherOptions): AlertDispatcher {
  return new Dispatcher(options);
}
