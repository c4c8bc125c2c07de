import { Client } from "@elastic/elasticsearch";
import { type ConfigOf, kafkaSpec, logSpec, readConfig, serviceSpec, text } from "@nexus/config";
import { createEsIndexer, ensureEsIndices } from "@nexus/es";
import { createKafkaRuntime, ensureTopics, type RunningService, stopOnSignals } from "@nexus/kafka-runtime";
import { createLogger } from "@nexus/logging";
import { stageTopicSpecs } from "@nexus/service-kit";
import { openStore } from "@nexus/store";
import {
  createDropCollector,
  createEnrichedTopology,
  createEntityTopology,
  createEsAdIndexWriter,
  createKeyedLock,
  createResolvedTopology,
} from "./topology.js";

const spec = {
  kafka: kafkaSpec,
  log: logSpec,
  service: serviceSpec,
  es: {
    url: text("ELASTICSEARCH_URL", "Elasticsearch to index into"),
    prefix: text("ES_INDEX_PREFIX", "prefix of the Nexus indices and aliases", { default: "nexus" }),
  },
  state: { dir: text("INDEXER_STATE_DIR", "the indexer's local join store", { default: "./data/indexer" }) },
} as const;

const config: ConfigOf<typeof spec> = readConfig(spec, process.env);
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
