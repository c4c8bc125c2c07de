import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "@nexus/config";
import { openEngine } from "@nexus/embedded-runtime";
import { connectEs } from "@nexus/es";
import { createImageHasher, createPhotoReader } from "@nexus/image-input";
import { createLogger } from "@nexus/logging";
import { buildApp } from "./app.js";
import { parseApiKeys } from "./auth.js";
import { configSpec, kafkaModeSpec } from "./config.js";
import { createEngineInsights } from "./console/engine-insights.js";
import { createSettingsStore } from "./console/settings-store.js";
import { createEmbeddedBackend } from "./embedded-backend.js";
import { createEsBackend } from "./es-backend.js";
import { openKafkaMode } from "./kafka-mode.js";

const config = readConfig(configSpec, process.env);
const logger = createLogger({ service: "api", level: config.log.level });
const keys = parseApiKeys(config.api.keys);
if (keys.length === 0 && !["127.0.0.1", "localhost", "::1"].includes(config.api.host)) {
  logger.fatal("NEXUS_API_KEYS is empty: without keys the API only listens on loopback");
  process.exit(1);
}
const es = config.es.url
  ? await connectEs({
      url: config.es.url,
      prefix: config.es.prefix,
      onDrop: (drop) => logger.error({ drop }, "Elasticsearch rejected a document"),
    })
  : undefined;
const engine = await openEngine({
  dataDir: config.data.dir,
  images: config.images,
  imageConcurrency: config.images.concurrency,
  ...(es ? { esIndexer: es.indexer } : {}),
});
// With KAFKA_BROKERS, ingest goes to the raw topic and watches/alerts live on their topics.
const kafka = process.env["KAFKA_BROKERS"]?.trim()
  ? await openKafkaMode({
      ...readConfig(kafkaModeSpec, process.env).kafka,
      logger,
      ...(es
        ? { entityExists: async (id: string) => (await es.search.getEntity(id, { maxAds: 1 })) !== undefined }
        : {}),
    })
  : undefined;
const local = createEmbeddedBackend(engine);
const backend = es ? createEsBackend(es.search, local) : local;
const hasher = createImageHasher({ ...config.images, allowFile: false });
const app = await buildApp({
  backend: kafka ? { ...backend, ingest: kafka.ingest } : backend,
  keys,
  logger,
  images: { hash: (data) => hasher.hash({ data: data.toString("base64") }) },
  alerts: kafka?.alerts ?? engine.alerting,
  console: {
    insights: createEngineInsights(engine),
    photos: createPhotoReader(config.images),
    settings: createSettingsStore(join(config.data.dir, "console", "settings.json")),
    // From services/api/src/main.ts (or dist/src/main.js) to packages/console/dist.
    assetsDir:
      config.api.consoleDir ||
      fileURLToPath(
        new URL(
          import.meta.url.includes("/dist/") ? "../../../../packages/console/dist" : "../../../packages/console/dist",
          import.meta.url,
        ),
      ),
  },
});
await app.listen({ host: config.api.host, port: config.api.port });
logger.info(
  {
    url: `http://${config.api.host}:${config.api.port}`,
    auth: keys.length > 0 ? "api keys" : "local mode",
    ingest: kafka ? "kafka" : "embedded",
  },
  "api listening",
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => kafka?.close())
      .then(() => engine.close())
      .then(() => process.exit(0));
  });
}
