import type { BackoffOptions } from "./types.js";

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 60_000 };

/**
 * Delay before retry number `retry` (1-based): exponential from baseMs, capped, with "equal jitter"
 * (half fixed, half random). Unlike the runtime's in-process retries, many notifiers may retry one
 * receiver that just came back, so the herd is spread; the fixed half keeps retries from bunching at 0.
 */
export function retryDelay(options: BackoffOptions, retry: number, random: number): number {
  const exponential = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  const half = exponential / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}
