import { createKafkaAlertService, type KafkaAlertService } from "@nexus/kafka-alerts";
import { createKafka, ensureTopics, pipelineTopicSpecs } from "@nexus/kafka-runtime";
import type { Logger } from "@nexus/logging";
import { TOPICS } from "@nexus/schemas";
import type { IngestResult } from "./backend.js";
import { connectRecordSink, createKafkaIngest } from "./kafka-ingest.js";

export interface KafkaModeOptions {
  readonly brokers: string[];
  readonly topicPrefix: string;
  readonly partitions: number;
  readonly logger: Logger;
  readonly entityExists?: (id: string) => Promise<boolean>;
}

export interface KafkaMode {
  readonly alerts: KafkaAlertService;
  readonly ingest: (ads: readonly unknown[]) => Promise<IngestResult>;
  close(): Promise<void>;
}

/**
 * The API's side of a distributed deployment: ingest produces to the raw topic, watches and alerts
 * live on their topics. The topics are ensured first, so that the first watch written does not
 * auto-create a topic without compaction.
 */
export async function openKafkaMode(options: KafkaModeOptions): Promise<KafkaMode> {
  const { brokers, topicPrefix, logger } = options;
  await ensureTopics(brokers, pipelineTopicSpecs({ topicPrefix, partitions: options.partitions }));
  const kafka = createKafka(brokers, "nexus-api", logger);
  const sink = await connectRecordSink(kafka, `${topicPrefix}${TOPICS.adsRaw}`);
  const alerts = createKafkaAlertService({
    kafka,
    logger,
    topicPrefix,
    ...(options.entityExists ? { entityExists: options.entityExists } : {}),
  });
  try {
    await alerts.start();
  } catch (thrown) {
    await sink.close();
    throw thrown;
  }
  return {
    alerts,
    ingest: createKafkaIngest({ sink }),
    async close() {
      await alerts.stop();
      await sink.close();
    },
  };
}
