import { webhookSpec } from "@nexus/alert-delivery";
import { type ConfigOf, kafkaSpec, logSpec, serviceSpec } from "@nexus/config";

export const notifierSpec = { kafka: kafkaSpec, log: logSpec, service: serviceSpec, webhook: webhookSpec } as const;

export type NotifierConfig = ConfigOf<typeof notifierSpec>;

/** Every environment variable this service reads (docs/config.md is generated from these). */
export const configSpec = notifierSpec;
