import type { RetryPolicy } from "./types.js";

/** Delay before retry number `retry` (1-based): exponential from initialMs, capped at maxMs. No jitter:
 * retries are per message and in-process, so there is no herd to spread. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const delay = policy.initialMs * 2 ** Math.max(0, retry - 1);
  return Math.min(policy.maxMs, delay);
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
