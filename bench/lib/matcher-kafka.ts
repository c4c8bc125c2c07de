import type { ChildProcess } from "node:child_process";
import { type EnrichedAd, TOPICS } from "@nexus/schemas";
import { matcherChangelog } from "@nexus/service-matcher/topology";
import { RESOLVER_CHANGELOG } from "@nexus/service-resolver/topology";
import { deleteTopics } from "@nexus/test-helpers";
import { topicSize } from "../../test/integration/kafka-read.js";
import {
  ensurePipelineTopics,
  pipelineTopicNames,
  produceById,
  spawnService,
  stopServices,
  waitFor,
} from "../../test/integration/pipeline-helpers.js";

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
  } catch {
    return false;
  }
}

/**
 * One Part B run: `replicas` matcher processes and the resolver, ready before the clock starts;
 * seconds until every replica took every ad, and until every ad was resolved.
 */
export async function matchOverKafka(
  brokers: string[],
  ads: readonly EnrichedAd[],
  replicas: number,
): Promise<{ matchS: number; resolveS: number }> {
  const prefix = `bench-match-${replicas}-${Date.now()}-`;
  const changelogs = Array.from({ length: replicas }, (_, replica) => matcherChangelog(replica));
  await ensurePipelineTopics(brokers, prefix, [RESOLVER_CHANGELOG, ...changelogs]);
  const base = 19_700 + replicas * 10;
  const children: ChildProcess[] = [];
  const share = (replica: number) => ({ MATCHER_REPLICA: String(replica), MATCHER_REPLICAS: String(replicas) });
  for (let replica = 0; replica < replicas; replica++) {
    const env = { ...share(replica), METRICS_PORT: String(base + replica) };
    children.push(spawnService("matcher", { brokers, prefix }, env));
  }
  children.push(spawnService("resolver", { brokers, prefix }, { METRICS_PORT: String(base + 9) }));
  const ports = [...Array.from({ length: replicas }, (_, replica) => base + replica), base + 9];
  try {
    await waitFor(async () => (await Promise.all(ports.map(ready))).every(Boolean), 120_000);
    const started = Date.now();
    await produceById(brokers, `${prefix}${TOPICS.adsEnriched}`, ads);
    let matched: number | undefined;
    await waitFor(async () => {
      const sizes = await Promise.all(changelogs.map((topic) => topicSize(brokers, `${prefix}${topic}`)));
      if (matched === undefined && Math.min(...sizes) >= ads.length) matched = Date.now();
      return (await topicSize(brokers, `${prefix}${TOPICS.adsResolutions}`)) >= ads.length;
    }, 600_000);
    const resolved = Date.now();
    return { matchS: ((matched ?? resolved) - started) / 1000, resolveS: (resolved - started) / 1000 };
  } finally {
    await stopServices(children);
    await deleteTopics(brokers, pipelineTopicNames(prefix, [RESOLVER_CHANGELOG, ...changelogs])).catch(() => undefined);
  }
}
