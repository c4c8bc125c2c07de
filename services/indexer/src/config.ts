import { kafkaSpec, logSpec, serviceSpec, text } from "@nexus/config";

/** Every environment variable this service reads (docs/config.md is generated from these). */
export const configSpec = {
  kafka: kafkaSpec,
  log: logSpec,
  service: serviceSpec,
  es: {
    url: text("ELASTICSEARCH_URL", "Elasticsearch to index into"),
    prefix: text("ES_INDEX_PREFIX", "prefix of the Nexus indices and aliases", { default: "nexus" }),
  },
  state: { dir: text("INDEXER_STATE_DIR", "the indexer's local join store", { default: "./data/indexer" }) },
} as const;
