import { createHttpTransport } from "./adapters/http-transport.js";
import { signWebhook } from "./adapters/signature.js";
import { createDispatcherCore } from "./core/dispatcher.js";
import type { AlertDispatcher, DispatcherOptions, Timers } from "./core/types.js";

type Injectable = "now" | "random" | "timers" | "transport" | "sign";

export type AlertDispatcherOptions = Omit<DispatcherOptions, Injectable> &
  Partial<Pick<DispatcherOptions, Injectable>> & {
    /** Let webhooks reach loopback, private and link-local addresses. Default false. */
    readonly allowPrivateNetworks?: boolean;
    /** Test seam for the default transport: host name → addresses. */
    readonly resolveHost?: (host: string) => Promise<string[]>;
  };

/** Retry and window timers must not keep a CLI alive: pending deliveries are saved and resumed. */
const unrefTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The dispatcher with real clock, timers, randomness, HMAC signing and the SSRF-guarded HTTP transport. */
export function createAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const { allowPrivateNetworks, resolveHost, ...rest } = options;
  const transport =
    options.transport ??
    createHttpTransport({
      ...(allowPrivateNetworks === undefined ? {} : { allowPrivateNetworks }),
      ...(resolveHost === undefined ? {} : { resolveHost }),
    });
  return createDispatcherCore({
    ...rest,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    timers: options.timers ?? unrefTimers,
    sign: options.sign ?? signWebhook,
    transport,
  });
}
