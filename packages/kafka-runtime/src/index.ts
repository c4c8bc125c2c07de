/**
 * @module @nexus/kafka-runtime
 * The distributed runtime: runs a stage topology (input topic, declared outputs, pure handler) as a
 * kafkajs consumer group. Input and output are validated against their schemas; failures go to
 * `<input>.dlq` with headers; retryable handler errors back off in-process; offsets are committed
 * only after every output of a message is acknowledged (idempotent producer, acks=all); the consumer
 * pauses when too much is in flight; stop() drains and commits. Each service serves /healthz,
 * /readyz and Prometheus /metrics. `createTestDriver` runs the same policy in memory for unit tests.
 */

export { type EndOffsets, endOffsets } from "./admin.js";
export { InFlightGate } from "./back-pressure.js";
export { backoffDelay } from "./backoff.js";
export { buildDeadLetter, DLQ_HEADERS, deadLetterRecord, type Origin } from "./dead-letter.js";
export { createKafka } from "./kafka-client.js";
export { RuntimeMetrics } from "./metrics.js";
export { type Incoming, type Outcome, type PolicyDeps, processMessage } from "./policy.js";
export { MAX_REQUEST_BYTES, recordBytes, splitBySize } from "./request-size.js";
export { restoreChangelog } from "./restore.js";
export { createKafkaRuntime, type KafkaRuntime, type RuntimeOptions } from "./runtime.js";
export { stopOnSignals } from "./signals.js";
export { createTableFollower, type TableFollower, type TableFollowerOptions } from "./table-follower.js";
export { createTestDriver, type DriverRecord, type TestDriver, type TestDriverOptions } from "./test-driver.js";
export {
  changelogSpec,
  DEFAULT_PARTITIONS,
  DEFAULT_TOPIC_SPECS,
  ensureTopics,
  partitionCount,
  pipelineTopicSpecs,
  withPartitions,
} from "./topics.js";
export {
  DEFAULT_RETRY_POLICY,
  type HandlerContext,
  type Output,
  type ProducerRecord,
  type RetryPolicy,
  type RunningService,
  type TopicSpec,
  type Topology,
} from "./types.js";
