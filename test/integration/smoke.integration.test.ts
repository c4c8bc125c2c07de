import { Client } from "@elastic/elasticsearch";
import {
  resolveElasticsearchService,
  resolveKafkaService,
  testIndex,
  testTopic,
  uniqueGroupId,
} from "@nexus/test-helpers";
import { Kafka, type KafkaMessage, logLevel } from "kafkajs";
import { describe, expect, it, onTestFinished } from "vitest";

// Proves the harness against real servers: whatever it resolves must carry a message and a search.

function firstMessage(kafka: Kafka, topic: string): Promise<KafkaMessage> {
  const consumer = kafka.consumer({ groupId: uniqueGroupId() });
  onTestFinished(() => consumer.disconnect());
  return new Promise<KafkaMessage>((resolve, reject) => {
    consumer
      .connect()
      .then(() => consumer.subscribe({ topic, fromBeginning: true }))
      .then(() => consumer.run({ eachMessage: async ({ message }) => resolve(message) }))
      .catch(reject);
  });
}

describe("integration harness", () => {
  it("produces and consumes a message on a fresh topic", async () => {
    const { value: brokers, source } = await resolveKafkaService();
    expect(["env", "testcontainers", "local"]).toContain(source);
    const topic = await testTopic({ partitions: 2 });
    const kafka = new Kafka({ clientId: "nexus-smoke", brokers, logLevel: logLevel.NOTHING });

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    const received = firstMessage(kafka, topic.name);
    const value = JSON.stringify({ id: "ad-smoke-1", body: "Hola, soy Valentina" });
    await producer.send({ topic: topic.name, messages: [{ key: "ad-smoke-1", value }] });

    const message = await received;
    expect(message.key?.toString()).toBe("ad-smoke-1");
    expect(message.value?.toString()).toBe(value);
  });

  it("indexes a document and finds it by a word of its text", async () => {
    const { value: node } = await resolveElasticsearchService();
    const client = new Client({ node });
    onTestFinished(() => client.close());
    const index = await testIndex();

    await client.bulk({
      refresh: true,
      operations: [
        { index: { _index: index.name, _id: "ad-smoke-1" } },
        { body: "Hola, soy Valentina, nueva en la ciudad", country: "GT" },
        { index: { _index: index.name, _id: "ad-smoke-2" } },
        { body: "Masajes relajantes en zona 10", country: "GT" },
      ],
    });
    const result = await client.search<{ body: string }>({
      index: index.name,
      query: { match: { body: "valentina" } },
    });

    expect(result.hits.hits.map((hit) => hit._id)).toEqual(["ad-smoke-1"]);
    expect((await client.cluster.health()).status).toMatch(/^(green|yellow)$/);
  });
});
