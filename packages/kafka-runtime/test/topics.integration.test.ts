import { randomUUID } from "node:crypto";
import { TOPICS } from "@nexus/schemas";
import { deleteTopics, kafkaBrokers } from "@nexus/test-helpers";
import kafkajs from "kafkajs";
import { describe, expect, it, onTestFinished } from "vitest";
import { changelogSpec, DEFAULT_TOPIC_SPECS, ensureTopics } from "../src/index.js";

describe("ensureTopics", () => {
  it("creates topics with partitions and cleanup policy, and grows partitions when asked again", async () => {
    const brokers = await kafkaBrokers();
    const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
    const raw = DEFAULT_TOPIC_SPECS.find((spec) => spec.topic === TOPICS.adsRaw);
    if (!raw) throw new Error("no raw spec");
    const specs = [{ ...raw, topic: `${prefix}${raw.topic}`, partitions: 2 }, changelogSpec(`${prefix}match.state`, 2)];
    onTestFinished(() =>
      deleteTopics(
        brokers,
        specs.map((spec) => spec.topic),
      ),
    );
    await ensureTopics(brokers, specs);
    await ensureTopics(brokers, [{ ...(specs[0] as (typeof specs)[0]), partitions: 3 }]);

    const admin = new kafkajs.Kafka({ brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    onTestFinished(() => admin.disconnect());
    const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.topic) });
    expect(metadata.topics.map((topic) => [topic.name, topic.partitions.length]).sort()).toEqual(
      [
        [`${prefix}${TOPICS.adsRaw}`, 3],
        [`${prefix}match.state`, 2],
      ].sort(),
    );
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: specs.map((spec) => ({ type: kafkajs.ConfigResourceTypes.TOPIC, name: spec.topic })),
    });
    const policy = (name: string) =>
      configs.resources
        .find((resource) => resource.resourceName === name)
        ?.configEntries.find((entry) => entry.configName === "cleanup.policy")?.configValue;
    expect(policy(`${prefix}match.state`)).toBe("compact");
    expect(policy(`${prefix}${TOPICS.adsRaw}`)).toBe("delete");
  });

  it("lets several services create and grow the same topics at once", async () => {
    const brokers = await kafkaBrokers();
    const prefix = `nexus.test.${randomUUID().slice(0, 8)}.`;
    const specs = DEFAULT_TOPIC_SPECS.slice(0, 4).map((spec) => ({
      ...spec,
      topic: `${prefix}${spec.topic}`,
      partitions: 2,
    }));
    onTestFinished(() =>
      deleteTopics(
        brokers,
        specs.map((spec) => spec.topic),
      ),
    );
    await Promise.all([1, 2, 3].map(() => ensureTopics(brokers, specs)));
    const grown = specs.map((spec) => ({ ...spec, partitions: 4 }));
    await Promise.all([1, 2, 3].map(() => ensureTopics(brokers, grown)));
    const admin = new kafkajs.Kafka({ brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    onTestFinished(() => admin.disconnect());
    const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.topic) });
    expect(metadata.topics.map((topic) => topic.partitions.length)).toEqual([4, 4, 4, 4]);
  });
});
