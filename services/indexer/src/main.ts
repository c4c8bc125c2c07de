import { Client } from "@elastic/elasticsearch";
import { type ConfigOf, readConfig } from "@nexus/config";
import { createEsIndexer, ensureEsIndices } from "@nexus/es";
import { createKafkaRuntime, ensureTopics, type RunningService, stopOnSignals } from "@nexus/kafka-runtime";
import { createLogger } from "@nexus/logging";
import { stageTopicSpecs } from "@nexus/service-kit";
import { openStore } from "@nexus/store";
import { configSpec } from "./config.js";
import {
  createDropCollector,
  createEnrichedTopology,
  createEntityTopology,
  createEsAdIndexWriter,
  createKeyedLock,
  createResolvedTopology,
} from "./topology.js";

const config: ConfigOf<typeof configSpec> = readConfig(configSpec, process.env);
const logger = createLogger({ service: "indexer", level: config.log.level });
const client = new Client({ node: config.es.url });
const names = await ensureEsIndices({ client, prefix: config.es.prefix });
const drops = createDropCollector();
const indexer = createEsIndexer({
  client,
  names,
  onDrop: (drop) => {
    logger.error({ drop }, "elasticsearch rejected a document");
    drops.record(drop);
  },
});
const deps = {
  store: await openStore(config.state.dir),
  writer: createEsAdIndexWriter({ indexer, drops }),
  lock: createKeyedLock(),
  now: () => new Date().toISOString(),
};
await ensureTopics(config.kafka.brokers, stageTopicSpecs(config));
const runtime = (metricsPort: number | undefined) =>
  createKafkaRuntime({
    brokers: config.kafka.brokers,
    logger,
    topicPrefix: config.kafka.topicPrefix,
    ...(metricsPort === undefined ? {} : { metricsPort }),
  });
// One metrics/probe endpoint for the process (on the first topology); the others share the process.
const running: RunningService[] = [
  await runtime(config.service.metricsPort).start(createEnrichedTopology(deps)),
  await runtime(undefined).start(createResolvedTopology(deps)),
  await runtime(undefined).start(createEntityTopology(deps)),
];
stopOnSignals(running, logger);
logger.info({ port: running[0]?.port, prefix: config.es.prefix }, "indexer running");
