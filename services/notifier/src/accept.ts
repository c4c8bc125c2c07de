import type { AlertDispatcher } from "@nexus/alert-delivery";
import type { Logger } from "@nexus/logging";
import type { Alert } from "@nexus/schemas";
import type { AlertOrigin } from "./dead-letters.js";

export interface AcceptDeps {
  readonly dispatcher: Pick<AlertDispatcher, "enqueue">;
  readonly knowsWatch: (watchId: string) => boolean;
  /** Resolves once the watch table holds every watch written so far. */
  readonly syncWatches: () => Promise<void>;
  /** Whether a pending delivery carries the alert (then its origin is kept for a dead letter). */
  readonly pendingFor: (alertId: string) => boolean;
  readonly origins: Map<string, AlertOrigin>;
  readonly logger: Logger;
  /** How long an alert of an unknown watch waits for the watch table. Default 5 s. */
  readonly syncTimeoutMs?: number;
}

/**
 * Hands an alert to the dispatcher. An alert of a watch this process has not seen yet (the watch was
 * created a moment before its first match, and our copy of the table lags) first waits for the table
 * to catch up, so the alert is not dropped as "no webhook"; a deleted watch costs one such wait.
 */
export function createAcceptor(deps: AcceptDeps): (alert: Alert, origin: AlertOrigin) => Promise<void> {
  return async (alert, origin) => {
    if (!deps.knowsWatch(alert.watchId)) await syncWithin(deps, alert.watchId);
    deps.origins.set(alert.id, origin);
    try {
      await deps.dispatcher.enqueue([alert]);
    } finally {
      if (!deps.pendingFor(alert.id)) deps.origins.delete(alert.id);
    }
  };
}

async function syncWithin(deps: AcceptDeps, watchId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), deps.syncTimeoutMs ?? 5_000);
  });
  try {
    const outcome = await Promise.race([deps.syncWatches().then(() => "synced" as const), timeout]);
    if (outcome === "timeout") deps.logger.warn({ watchId }, "watch table did not catch up in time");
  } catch (thrown) {
    deps.logger.warn({ err: thrown, watchId }, "cannot sync the watch table");
  } finally {
    clearTimeout(timer);
  }
}
