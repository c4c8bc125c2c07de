import type { ErrorCode } from "@nexus/errors";
import type { Alert, AlertDelivery, Watch } from "@nexus/schemas";

/** Where delivery state lives (a compacted topic in the notifier, memory in tests). */
export interface DeliveryStore {
  /** Resolves once the state is durable: only then may the alert's input offset be committed. */
  save(delivery: AlertDelivery): Promise<void>;
  /** Every delivery still pending, resumed at start. */
  pending(): Promise<AlertDelivery[]>;
  /** The delivery that carries this alert, if any: a replayed alert is not delivered twice. */
  deliveryOf(alertId: string): Promise<AlertDelivery | undefined>;
}

/** One signed POST, ready for the wire. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
}

/** What one attempt came to: an HTTP status, or an error before one arrived. */
export type AttemptResult =
  | { readonly kind: "response"; readonly status: number }
  | {
      readonly kind: "error";
      readonly code: Extract<ErrorCode, "NEXUS_WEBHOOK_REFUSED" | "NEXUS_WEBHOOK_FAILED">;
      readonly message: string;
      readonly retryable: boolean;
    };

/** Sends one request; never throws (every failure is an AttemptResult). */
export type WebhookTransport = (request: WebhookRequest) => Promise<AttemptResult>;

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
}

export type DeadLetterHandler = (
  delivery: AlertDelivery,
  alerts: readonly Alert[],
  code: ErrorCode,
) => Promise<void> | void;

export interface DispatcherOptions {
  readonly watchOf: (watchId: string) => Watch | undefined;
  readonly store: DeliveryStore;
  /** Alerts of resumed deliveries (held in memory only while the process runs). */
  readonly alertsOf: (ids: readonly string[]) => Promise<Alert[]>;
  readonly onDeadLetter?: DeadLetterHandler;
  /** Errors of background work (a save or a dead letter that failed); the delivery stays as last saved. */
  readonly onError?: (error: unknown) => void;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** In [0, 1): spreads retries so receivers coming back up are not hit by every sender at once. */
  readonly random: () => number;
  readonly timers: Timers;
  readonly transport: WebhookTransport;
  readonly sign: (secret: string, timestamp: number, body: string) => string;
  /** Attempts before a delivery fails, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Default base 500 ms, cap 60 s. */
  readonly backoff?: BackoffOptions;
  /** Per attempt. Default 5 s. */
  readonly timeoutMs?: number;
  /** Alerts of one watch within this long after one was sent go out as one digest. Default 5 s. */
  readonly digestWindowMs?: number;
}

export interface DispatcherStats {
  /** Alerts handed to enqueue. */
  readonly received: number;
  /** Alerts whose watch has no webhook (or no longer exists). */
  readonly ignored: number;
  /** Alerts already carried by a delivery (replays). */
  readonly duplicates: number;
  readonly attempts: number;
  readonly delivered: number;
  readonly failed: number;
  /** Deliveries not yet delivered or failed, held digests included. */
  readonly pending: number;
  readonly inFlight: number;
}

export interface FlushOptions {
  /** Close every digest window now and send what it holds (a CLI about to exit). Default false. */
  readonly closeWindows?: boolean;
}

export interface AlertDispatcher {
  /** Resolves once a pending delivery of each alert is saved. */
  enqueue(alerts: readonly Alert[]): Promise<void>;
  /** Picks up the store's pending deliveries (call once, at start). */
  resume(): Promise<void>;
  /** Sends what is due now and waits for every attempt in flight. */
  flush(options?: FlushOptions): Promise<void>;
  /** Stops scheduling, waits for attempts in flight; pending deliveries stay pending in the store. */
  close(): Promise<void>;
  stats(): DispatcherStats;
}
