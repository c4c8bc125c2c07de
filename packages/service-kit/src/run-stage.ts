import { type ConfigOf, type Env, kafkaSpec, logSpec, readConfig, serviceSpec } from "@nexus/config";
import {
  changelogSpec,
  createKafkaRuntime,
  ensureTopics,
  pipelineTopicSpecs,
  type RunningService,
  stopOnSignals,
  type TopicSpec,
  type Topology,
} from "@nexus/kafka-runtime";
import { createLogger, type Logger } from "@nexus/logging";
import type { TopicName } from "@nexus/schemas";

/** What every stage service reads from the environment (a service's own settings come on top). */
export const stageSpec = { kafka: kafkaSpec, log: logSpec, service: serviceSpec } as const;
export type StageConfig = ConfigOf<typeof stageSpec>;

export interface StageServiceOptions<T extends TopicName> {
  readonly service: string;
  readonly env: Env;
  /** Builds the stage's topology once config and logger exist (adapters are created here). */
  readonly topology: (deps: {
    readonly logger: Logger;
    readonly config: StageConfig;
  }) => Topology<T> | Promise<Topology<T>>;
}

/** Every topic of the pipeline, its dead-letter topic, and the stage's changelog, under the prefix. */
export function stageTopicSpecs(config: StageConfig, changelog?: string): TopicSpec[] {
  const { topicPrefix, partitions } = config.kafka;
  const specs = pipelineTopicSpecs({ topicPrefix, partitions });
  // A changelog keeps one partition: its order is the order state is rebuilt in.
  return changelog ? [...specs, changelogSpec(`${topicPrefix}${changelog}`, 1)] : specs;
}

/**
 * The composition root of a stage service: config (fail fast) → logger → topics → Kafka runtime →
 * health/metrics → graceful stop on SIGTERM/SIGINT.
 */
export async function runStageService<T extends TopicName>(options: StageServiceOptions<T>): Promise<RunningService> {
  const config = readConfig(stageSpec, options.env);
  const logger = createLogger({ service: options.service, level: config.log.level });
  const topology = await options.topology({ logger, config });
  await ensureTopics(config.kafka.brokers, stageTopicSpecs(config, topology.state?.changelog));
  const runtime = createKafkaRuntime({
    brokers: config.kafka.brokers,
    logger,
    metricsPort: config.service.metricsPort,
    topicPrefix: config.kafka.topicPrefix,
  });
  const running = await runtime.start(topology);
  stopOnSignals([running], logger);
  logger.info({ port: running.port, input: topology.input }, "stage running");
  return running;
}
