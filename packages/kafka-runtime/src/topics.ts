import { NexusError } from "@nexus/errors";
import { deadLetterTopic, TOPICS, type TopicName } from "@nexus/schemas";
import kafkajs from "kafkajs";
import type { TopicSpec } from "./types.js";

const DAY_MS = 24 * 60 * 60 * 1_000;
export const DEFAULT_PARTITIONS = 6;

/**
 * Retention per topic. Event topics keep a week (enough to replay a stage after an outage); topics
 * whose consumers want the latest value per key are compacted; dead letters keep a month so an
 * operator has time to look.
 */
const RETENTION: Record<TopicName, { retentionMs: number; compact?: boolean; partitions?: number }> = {
  [TOPICS.adsRaw]: { retentionMs: 7 * DAY_MS },
  [TOPICS.adsExtracted]: { retentionMs: 7 * DAY_MS },
  // One partition: the log itself is the one order every matcher replica reads the ads in, so
  // their indexes stay identical. The stages before it still scale by their own inputs' partitions.
  [TOPICS.adsEnriched]: { retentionMs: 7 * DAY_MS, partitions: 1 },
  // The matcher replicas' batches, interleaved; the resolver reorders them by seq.
  [TOPICS.matches]: { retentionMs: 7 * DAY_MS, partitions: 1 },
  // Keyed by pair id; a rescored pair supersedes the older score.
  [TOPICS.links]: { retentionMs: -1, compact: true },
  // Lineage events: compaction would erase history, so keep them by time.
  [TOPICS.entityChanges]: { retentionMs: 30 * DAY_MS },
  // Keyed by ad id; only the latest resolution matters.
  [TOPICS.adsResolved]: { retentionMs: -1, compact: true },
  // One event per ad the resolver took, in its order: the alerter's input. One partition keeps
  // that order, which "new phone in this entity" depends on; the resolver is one instance anyway.
  [TOPICS.adsResolutions]: { retentionMs: 7 * DAY_MS, partitions: 1 },
  // The watch list itself: latest version per watch id, tombstones remove.
  [TOPICS.watches]: { retentionMs: -1, compact: true },
  // Keyed by the deterministic alert id, so a replayed alert collapses into the first; kept for good.
  [TOPICS.alerts]: { retentionMs: -1, compact: true },
  // Latest state per delivery.
  [TOPICS.alertDeliveries]: { retentionMs: -1, compact: true },
  [TOPICS.deadLetters]: { retentionMs: 30 * DAY_MS },
};

/** Every topic in TOPICS, plus the `.dlq` of each pipeline topic. */
export const DEFAULT_TOPIC_SPECS: readonly TopicSpec[] = (Object.values(TOPICS) as TopicName[]).flatMap((topic) => {
  const { partitions, ...retention } = RETENTION[topic];
  const spec: TopicSpec = {
    topic,
    partitions: partitions ?? DEFAULT_PARTITIONS,
    ...retention,
    ...(partitions === undefined ? {} : { pinned: true }),
  };
  if (topic === TOPICS.deadLetters) return [spec];
  return [spec, { topic: deadLetterTopic(topic), partitions: DEFAULT_PARTITIONS, retentionMs: 30 * DAY_MS }];
});

/** The spec with another partition count (a deployment's choice), unless its count is pinned. */
export function withPartitions(spec: TopicSpec, partitions: number): TopicSpec {
  return spec.pinned ? spec : { ...spec, partitions };
}

/** Every pipeline topic (and dead-letter topic) as one deployment names and sizes them. */
export function pipelineTopicSpecs(deployment: { topicPrefix: string; partitions: number }): TopicSpec[] {
  return DEFAULT_TOPIC_SPECS.map((spec) => ({
    ...withPartitions(spec, deployment.partitions),
    topic: `${deployment.topicPrefix}${spec.topic}`,
  }));
}

/** A compacted changelog for a stateful stage: infinite retention, latest value per key. */
export function changelogSpec(topic: string, partitions = DEFAULT_PARTITIONS): TopicSpec {
  return { topic, partitions, retentionMs: -1, compact: true };
}

function configEntries(spec: TopicSpec): { name: string; value: string }[] {
  const entries = [{ name: "cleanup.policy", value: spec.compact ? "compact" : "delete" }];
  if (spec.retentionMs !== undefined) entries.push({ name: "retention.ms", value: String(spec.retentionMs) });
  return entries;
}

/** How many partitions a topic has; 0 when it does not exist yet. */
export async function partitionCount(brokers: string[], topic: string): Promise<number> {
  const kafka = new kafkajs.Kafka({ brokers, clientId: "nexus-topics", logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0]?.partitions.length ?? 0;
  } catch (thrown) {
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot describe ${topic} on ${brokers.join(",")}`, {
      cause: thrown,
      retryable: true,
    });
  } finally {
    await admin.disconnect();
  }
}

const ATTEMPTS = 5;

/**
 * Creates missing topics and grows partition counts that are too small. Existing topic configs are
 * left alone: an operator may have tuned them. Retried as a whole: right after a create, KRaft
 * brokers can briefly answer "unknown topic-partition" while metadata propagates.
 */
export async function ensureTopics(brokers: string[], specs: readonly TopicSpec[]): Promise<void> {
  const kafka = new kafkajs.Kafka({ brokers, clientId: "nexus-topics", logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    for (let attempt = 1; ; attempt++) {
      try {
        await ensureOnce(admin, specs);
        return;
      } catch (thrown) {
        const retriable = (thrown instanceof kafkajs.KafkaJSError && thrown.retriable) || raceLost(thrown);
        if (!retriable || attempt >= ATTEMPTS) throw thrown;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  } catch (thrown) {
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot ensure topics on ${brokers.join(",")}`, {
      cause: thrown,
      retryable: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Services that start together race to create or grow the same topics; the loser's request fails
 * although the topic is now as wanted. Looking again (the retry) settles it.
 */
function raceLost(thrown: unknown): boolean {
  const type = (thrown as { type?: unknown } | undefined)?.type;
  return type === "INVALID_PARTITIONS" || type === "TOPIC_ALREADY_EXISTS";
}

async function ensureOnce(admin: kafkajs.Admin, specs: readonly TopicSpec[]): Promise<void> {
  const cluster = await admin.describeCluster();
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: Math.min(spec.replicationFactor ?? 3, cluster.brokers.length),
        configEntries: configEntries(spec),
      })),
    });
  }
  const present = specs.filter((spec) => existing.has(spec.topic));
  if (present.length === 0) return;
  const metadata = await admin.fetchTopicMetadata({ topics: present.map((spec) => spec.topic) });
  const grow = present.flatMap((spec) => {
    const current = metadata.topics.find((topic) => topic.name === spec.topic)?.partitions.length ?? 0;
    return current < spec.partitions ? [{ topic: spec.topic, count: spec.partitions }] : [];
  });
  if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
}
