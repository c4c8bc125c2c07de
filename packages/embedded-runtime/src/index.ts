/**
 * @module @nexus/embedded-runtime
 * Every stage in one process over a durable local store under a data directory: accepted ads are
 * fsynced before processing, processing resumes from a cursor after a crash, and in-memory state
 * (resolver, search index) is rebuilt by replaying processed ads in order.
 */

export type { DecisionInput, StoredDecision } from "./decisions.js";
export {
  type Engine,
  type EngineOptions,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  openEngine,
} from "./engine.js";
export { toSearchDocument } from "./search-document.js";
