import { readConfig } from "@nexus/config";
import type { EngineOptions } from "@nexus/embedded-runtime";
import { connectEs, type EsConnection } from "@nexus/es";
import { configSpec } from "./config.js";
import type { CommandContext } from "./context.js";

/** The data directory: --data, else NEXUS_DATA_DIR, else ./data. */
export function dataDir(context: CommandContext, flag: string | undefined): string {
  return flag ?? readConfig({ data: configSpec.data }, context.env).data.dir;
}

export function imageOptions(context: CommandContext) {
  const { images } = readConfig({ images: configSpec.images }, context.env);
  return {
    options: {
      allowFile: images.allowFile,
      timeoutMs: images.timeoutMs,
      maxBytes: images.maxBytes,
      maxPixels: images.maxPixels,
      pdqMethod: images.pdqMethod,
      jpegMinSide: images.jpegMinSide,
    },
    concurrency: images.concurrency,
  };
}

/** Elasticsearch, when ELASTICSEARCH_URL is set: the embedded engine then indexes there too. */
export async function esConnection(context: CommandContext): Promise<EsConnection | undefined> {
  const { es } = readConfig({ es: configSpec.es }, context.env);
  if (!es.url) return undefined;
  return connectEs({
    url: es.url,
    prefix: es.prefix,
    onDrop: (drop) => context.stderr.write(`${JSON.stringify({ elasticsearchRejected: drop })}\n`),
  });
}

/** Webhook delivery of alerts raised while a command runs (NEXUS_WEBHOOK_*). */
export function webhookOptions(context: CommandContext): NonNullable<EngineOptions["webhooks"]> {
  const { webhooks } = readConfig({ webhooks: configSpec.webhooks }, context.env);
  return {
    allowPrivateNetworks: webhooks.allowPrivate,
    digestWindowMs: webhooks.digestMs,
    maxAttempts: webhooks.maxAttempts,
    timeoutMs: webhooks.timeoutMs,
  };
}

/** What every command opens the embedded engine with: data directory, image limits, webhooks. */
export function engineOptions(context: CommandContext, dataFlag: string | undefined): EngineOptions {
  const images = imageOptions(context);
  return {
    dataDir: dataDir(context, dataFlag),
    images: images.options,
    imageConcurrency: images.concurrency,
    webhooks: webhookOptions(context),
  };
}
