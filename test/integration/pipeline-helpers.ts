import { setTimeout as sleep } from "node:timers/promises";
import { changelogSpec, DEFAULT_TOPIC_SPECS, ensureTopics } from "@nexus/kafka-runtime";

export function pipelineTopicNames(prefix: string, changelogs: readonly string[] = []): string[] {
  return [...DEFAULT_TOPIC_SPECS.map((spec) => spec.topic), ...changelogs].map((topic) => `${prefix}${topic}`);
}

/** Every pipeline topic (and its dead-letter topic) plus the given changelogs, under `prefix`. */
export async function ensurePipelineTopics(
  brokers: string[],
  prefix: string,
  changelogs: readonly string[] = [],
): Promise<void> {
  const specs = [
    ...DEFAULT_TOPIC_SPECS.map((spec) => ({ ...spec, topic: `${prefix}${spec.topic}`, partitions: 3 })),
    ...changelogs.map((topic) => changelogSpec(`${prefix}${topic}`, 1)),
  ];
  await ensureTopics(brokers, specs);
}

/** Polls `condition` until it holds or `timeoutMs` passes (then throws). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(250);
  }
}
