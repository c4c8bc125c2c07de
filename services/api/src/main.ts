import { dataSpec, integer, localImportImageSpec, logSpec, readConfig, text } from "@nexus/config";
import { openEngine } from "@nexus/embedded-runtime";
import { createImageHasher } from "@nexus/image-input";
import { createLogger } from "@nexus/logging";
import { buildApp } from "./app.js";
import { parseApiKeys } from "./auth.js";
import { createEmbeddedBackend } from "./embedded-backend.js";

const apiSpec = {
  host: text("NEXUS_API_HOST", "address the API listens on", { default: "127.0.0.1" }),
  port: integer("NEXUS_API_PORT", "port the API listens on", { default: 8080, min: 0 }),
  keys: text("NEXUS_API_KEYS", "name:role:secret,… (roles: viewer, analyst, admin); empty = local mode", {
    default: "",
    secret: true,
  }),
};
const config = readConfig({ api: apiSpec, data: dataSpec, images: localImportImageSpec, log: logSpec }, process.env);
const logger = createLogger({ service: "api", level: config.log.level });
const keys = parseApiKeys(config.api.keys);
if (keys.length === 0 && !["127.0.0.1", "localhost", "::1"].includes(config.api.host)) {
  logger.fatal("NEXUS_API_KEYS is empty: without keys the API only listens on loopback");
  process.exit(1);
}
const engine = await openEngine({
  dataDir: config.data.dir,
  images: config.images,
  imageConcurrency: config.images.concurrency,
});
const hasher = createImageHasher({ ...config.images, allowFile: false });
const app = await buildApp({
  backend: createEmbeddedBackend(engine),
  keys,
  logger,
  images: { hash: (data) => hasher.hash({ data: data.toString("base64") }) },
});
await app.listen({ host: config.api.host, port: config.api.port });
logger.info(
  { url: `http://${config.api.host}:${config.api.port}`, auth: keys.length > 0 ? "api keys" : "local mode" },
  "api listening",
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => engine.close())
      .then(() => process.exit(0));
  });
}
