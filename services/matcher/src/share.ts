import { type Env, integer, readConfig } from "@nexus/config";
import { NexusError } from "@nexus/errors";
import { partitionCount } from "@nexus/kafka-runtime";
import { type MatchShare, validShare } from "@nexus/resolution";
import { TOPICS } from "@nexus/schemas";

export const matcherSpec = {
  replica: integer("MATCHER_REPLICA", "this matcher's index, 0 .. MATCHER_REPLICAS-1 (a StatefulSet's pod index)", {
    default: 0,
    min: 0,
  }),
  replicas: integer("MATCHER_REPLICAS", "how many matcher replicas share the scoring (the resolver waits for each)", {
    default: 1,
    min: 1,
  }),
} as const;

/** This process's share of the scoring; a replica index outside the count is a config error. */
export function readShare(env: Env): MatchShare {
  const { matcher } = readConfig({ matcher: matcherSpec }, env);
  if (!validShare(matcher)) {
    throw new NexusError(
      "NEXUS_CONFIG_INVALID",
      `MATCHER_REPLICA=${matcher.replica} names no replica of MATCHER_REPLICAS=${matcher.replicas}`,
    );
  }
  return matcher;
}

/**
 * Replicas stay identical only if they read the ads in one order, which one partition gives. A
 * topic created before the enriched topic was pinned may have more: refuse rather than diverge.
 */
export async function requireOneOrder(
  share: MatchShare,
  kafka: { brokers: string[]; topicPrefix: string },
): Promise<void> {
  if (share.replicas === 1) return;
  const topic = `${kafka.topicPrefix}${TOPICS.adsEnriched}`;
  const partitions = await partitionCount(kafka.brokers, topic);
  if (partitions <= 1) return;
  throw new NexusError(
    "NEXUS_CONFIG_INVALID",
    `${topic} has ${partitions} partitions; ${share.replicas} matcher replicas need one shared order: ` +
      "recreate it with 1 partition, or run MATCHER_REPLICAS=1",
  );
}
