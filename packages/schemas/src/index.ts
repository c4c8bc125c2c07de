/**
 * @module @nexus/schemas
 * Types generated from /schemas (the source of truth), the topic catalogue, and validators used at
 * every edge. Pure: no I/O.
 */

export { SCHEMA_DOCUMENTS, TOPIC_SCHEMA_IDS } from "./generated/schemas.js";
export * from "./generated/types.js";
export { deadLetterTopic, TOPICS, type TopicMessages, type TopicName } from "./topics.js";
export { type CheckResult, checkMessage, validateMessage } from "./validate.js";
