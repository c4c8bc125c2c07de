import { Kafka, logLevel } from "kafkajs";
import { onTestFinished } from "vitest";
import { uniqueTopicName } from "./names.js";
import { kafkaBrokers } from "./services.js";

export interface TopicOptions {
  readonly prefix?: string;
  readonly partitions?: number;
  /** Topic configs, e.g. `{ "cleanup.policy": "compact" }`. */
  readonly config?: Readonly<Record<string, string>>;
}

export interface TopicHandle {
  readonly name: string;
  readonly brokers: readonly string[];
  drop(): Promise<void>;
}

function admin(brokers: readonly string[]) {
  return new Kafka({ clientId: "nexus-test-admin", brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
}

/** Deletes topics, ignoring ones that are already gone. */
export async function deleteTopics(brokers: readonly string[], names: readonly string[]): Promise<void> {
  const client = admin(brokers);
  await client.connect();
  try {
    const existing = new Set(await client.listTopics());
    const topics = names.filter((name) => existing.has(name));
    if (topics.length > 0) await client.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await client.disconnect();
  }
}

/** Creates a UUID-named topic and waits until it has leaders; `drop()` deletes it. */
export async function createTopic(brokers: readonly string[], options: TopicOptions = {}): Promise<TopicHandle> {
  const name = uniqueTopicName(options.prefix);
  const client = admin(brokers);
  await client.connect();
  try {
    await client.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: name,
          numPartitions: options.partitions ?? 1,
          replicationFactor: 1,
          configEntries: Object.entries(options.config ?? {}).map(([configName, value]) => ({
            name: configName,
            value,
          })),
        },
      ],
    });
  } finally {
    await client.disconnect();
  }
  return { name, brokers, drop: () => deleteTopics(brokers, [name]) };
}

/** Inside a test: a fresh topic on the harness's brokers, deleted when the test finishes. */
export async function testTopic(options: TopicOptions = {}): Promise<TopicHandle> {
  const topic = await createTopic(await kafkaBrokers(), options);
  onTestFinished(() => topic.drop());
  return topic;
}
