/**
 * @module @nexus/alerting
 * Watchlists, pure: normalise what an analyst watches (phones in any format, emails, handles, photo
 * hashes, text queries, entities) and evaluate every resolved ad against all watches, giving alerts
 * with their evidence. No I/O, no clock, no randomness: ids and times come from the runtime, which
 * also stores watches and alerts and delivers them.
 */
export { type AlertEvaluator, alertId, createAlertEvaluator, type EvaluateOptions } from "./evaluator.js";
export {
  type AlertQuery,
  type AlertService,
  DEFAULT_IMAGE_DISTANCE,
  ENTITY_TRIGGERS,
  type EntityTrigger,
  MIN_PHOTO_QUALITY,
  WATCH_KINDS,
  type WatchKind,
  type WatchRequest,
} from "./types.js";
export { normaliseWatch, watchIdFrom } from "./watch-request.js";
