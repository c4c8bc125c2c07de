import { webhookSpec } from "@nexus/alert-delivery";
import { dataSpec, esSpec, kafkaSpec, localImportImageSpec, text } from "@nexus/config";

/** Every environment variable the command line reads (docs/config.md is generated from these). */
export const configSpec = {
  data: dataSpec,
  images: localImportImageSpec,
  es: esSpec,
  webhooks: webhookSpec,
  api: {
    key: text("NEXUS_API_KEY", "the key `alerts --follow` sends to the API (x-api-key)", { default: "", secret: true }),
  },
} as const;

/** Read as well by `produce`, and by `watch` and `alerts` with --kafka or --brokers. */
export const kafkaModeSpec = { kafka: kafkaSpec } as const;
