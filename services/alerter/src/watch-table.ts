import type { AlertEvaluator } from "@nexus/alerting";
import { createKafka, createTableFollower, ensureTopics, type TableFollower } from "@nexus/kafka-runtime";
import type { Logger } from "@nexus/logging";
import { checkMessage, TOPICS } from "@nexus/schemas";
import { type StageConfig, stageTopicSpecs } from "@nexus/service-kit";

/**
 * The watch list as a table every alerter instance reads whole: upserts and tombstones from the
 * compacted watches topic go straight into the evaluator. A record that is not a valid watch is
 * skipped with an error in the log (it cannot be dead-lettered: it is state, not a message to process).
 */
export async function followWatches(
  evaluator: AlertEvaluator,
  deps: { config: StageConfig; logger: Logger },
): Promise<TableFollower> {
  const { kafka: settings } = deps.config;
  await ensureTopics(settings.brokers, stageTopicSpecs(deps.config));
  const follower = createTableFollower({
    kafka: createKafka(settings.brokers, "nexus-alerter-watches", deps.logger),
    topic: `${settings.topicPrefix}${TOPICS.watches}`,
    groupIdPrefix: "nexus-alerter-watches",
    logger: deps.logger,
    onRecord(key, value) {
      if (value === null) return evaluator.removeWatch(key);
      const checked = checkMessage(TOPICS.watches, value);
      if (checked.ok) evaluator.upsertWatch(checked.value);
      else deps.logger.error({ key, err: checked.error }, "invalid watch record skipped");
    },
  });
  await follower.start();
  deps.logger.info({ watches: evaluator.watches().length }, "watch list loaded");
  return follower;
}
