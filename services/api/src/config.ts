import { dataSpec, esSpec, integer, kafkaSpec, localImportImageSpec, logSpec, text } from "@nexus/config";

export const apiSpec = {
  host: text("NEXUS_API_HOST", "address the API listens on (0.0.0.0 in a container; then keys are required)", {
    default: "127.0.0.1",
  }),
  port: integer("NEXUS_API_PORT", "port of the API, its /healthz and its /readyz", { default: 8080, min: 0 }),
  keys: text("NEXUS_API_KEYS", "name:role:secret,… (roles: viewer, analyst, admin); empty = local mode", {
    default: "",
    secret: true,
  }),
  consoleDir: text(
    "NEXUS_CONSOLE_DIR",
    "the built analyst console the API serves at /; empty = packages/console/dist",
    {
      default: "",
    },
  ),
} as const;

/** Every environment variable the API reads at start (docs/config.md is generated from these). */
export const configSpec = {
  api: apiSpec,
  data: dataSpec,
  es: esSpec,
  images: localImportImageSpec,
  log: logSpec,
} as const;

/** Read as well when KAFKA_BROKERS is set: ingest, watches and alerts then go through Kafka. */
export const kafkaModeSpec = { kafka: kafkaSpec } as const;
