import { boolean, integer, list, oneOf, text } from "./fields.js";

/** Concerns shared by the CLI, the embedded runtime and the services. */
export const logSpec = {
  level: oneOf("LOG_LEVEL", "pino log level", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
    default: "info",
  }),
} as const;

export const dataSpec = {
  dir: text("NEXUS_DATA_DIR", "the embedded runtime's data directory", { default: "./data" }),
} as const;

export const imageSpec = {
  allowFile: boolean("NEXUS_IMAGE_ALLOW_FILE", "allow file:// image urls", { default: false }),
  timeoutMs: integer("NEXUS_IMAGE_TIMEOUT_MS", "timeout of one image fetch", { default: 10_000, min: 1 }),
  maxBytes: integer("NEXUS_IMAGE_MAX_BYTES", "largest image accepted, in bytes", { default: 20_000_000, min: 1 }),
  maxPixels: integer("NEXUS_IMAGE_MAX_PIXELS", "largest decoded image, in pixels", { default: 50_000_000, min: 1 }),
  concurrency: integer("NEXUS_IMAGE_CONCURRENCY", "images fetched and hashed at once", { default: 4, min: 1 }),
  pdqMethod: oneOf(
    "NEXUS_IMAGE_PDQ_METHOD",
    "PDQ downsample: separable (fast, may hash a reduced JPEG decode) or exact (Meta's arithmetic, full size)",
    ["separable", "exact"],
    { default: "separable" },
  ),
  jpegMinSide: integer(
    "NEXUS_IMAGE_JPEG_MIN_SIDE",
    "separable only: decode large JPEGs reduced, keeping the shorter side at least this (0 = full size)",
    { default: 200, min: 0 },
  ),
} as const;

export const kafkaSpec = {
  brokers: list("KAFKA_BROKERS", "comma-separated Kafka bootstrap brokers, host:port"),
  topicPrefix: text("KAFKA_TOPIC_PREFIX", "prefix for every topic and group (several pipelines on one cluster)", {
    default: "",
  }),
  partitions: integer("KAFKA_PARTITIONS", "partitions of topics Nexus creates", { default: 6, min: 1 }),
} as const;

export const serviceSpec = {
  metricsPort: integer("METRICS_PORT", "port of /healthz, /readyz and /metrics", { default: 9464, min: 0 }),
} as const;

/** The CLI imports local files, so there file:// images are allowed unless an operator says no. */
export const localImportImageSpec = {
  ...imageSpec,
  allowFile: boolean("NEXUS_IMAGE_ALLOW_FILE", "allow file:// image urls (the CLI imports local files)", {
    default: true,
  }),
} as const;

export const esSpec = {
  url: text("ELASTICSEARCH_URL", "Elasticsearch to index into and search; empty = the embedded index only", {
    default: "",
  }),
  prefix: text("ES_INDEX_PREFIX", "prefix of the Nexus indices and aliases", { default: "nexus" }),
} as const;
