/**
 * The integration harness: where the Kafka brokers and the Elasticsearch node for a test run are.
 *
 * Resolution order (deploy/README.md): 1. KAFKA_BROKERS / ELASTICSEARCH_URL from the environment;
 * 2. containers through testcontainers when a Docker daemon answers; 3. local processes from
 * deploy/scripts, started here when nothing answers yet (and left running for the next suite;
 * `npm run stack:down` stops them). NEXUS_STACK=local skips step 2.
 * Each answer is resolved once per test process.
 */

import { dockerRuntime, startElasticsearchContainer, startKafkaContainer } from "./containers.js";
import { env } from "./env.js";
import { localElasticsearchUrl, localKafkaBrokers } from "./local-stack.js";

export type ServiceSource = "env" | "testcontainers" | "local";

export interface ResolvedService<T> {
  readonly value: T;
  readonly source: ServiceSource;
}

let kafka: Promise<ResolvedService<string[]>> | undefined;
let elasticsearch: Promise<ResolvedService<string>> | undefined;

async function resolveKafka(): Promise<ResolvedService<string[]>> {
  const brokers = env("KAFKA_BROKERS");
  if (brokers) return { value: brokers.split(",").map((broker) => broker.trim()), source: "env" };
  const tc = await dockerRuntime();
  if (tc) return { value: await startKafkaContainer(tc), source: "testcontainers" };
  return { value: await localKafkaBrokers(), source: "local" };
}

async function resolveElasticsearch(): Promise<ResolvedService<string>> {
  const url = env("ELASTICSEARCH_URL");
  if (url) return { value: url.replace(/\/+$/, ""), source: "env" };
  const tc = await dockerRuntime();
  if (tc) return { value: await startElasticsearchContainer(tc), source: "testcontainers" };
  return { value: await localElasticsearchUrl(), source: "local" };
}

/** Kafka brokers and where they came from. */
export function resolveKafkaService(): Promise<ResolvedService<string[]>> {
  kafka ??= resolveKafka().catch((error: unknown) => {
    kafka = undefined;
    throw error;
  });
  return kafka;
}

/** Elasticsearch base URL (no trailing slash) and where it came from. */
export function resolveElasticsearchService(): Promise<ResolvedService<string>> {
  elasticsearch ??= resolveElasticsearch().catch((error: unknown) => {
    elasticsearch = undefined;
    throw error;
  });
  return elasticsearch;
}

/** Broker addresses (`host:port`) for kafkajs. */
export async function kafkaBrokers(): Promise<string[]> {
  return (await resolveKafkaService()).value;
}

/** Base URL of an Elasticsearch 8.x node, e.g. `http://127.0.0.1:9200`. */
export async function elasticsearchUrl(): Promise<string> {
  return (await resolveElasticsearchService()).value;
}
