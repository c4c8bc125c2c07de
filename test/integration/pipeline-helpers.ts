import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  changelogSpec,
  DEFAULT_TOPIC_SPECS,
  ensureTopics,
  MAX_REQUEST_BYTES,
  pipelineTopicSpecs,
  splitBySize,
} from "@nexus/kafka-runtime";
import { Kafka, logLevel } from "kafkajs";

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
    ...pipelineTopicSpecs({ topicPrefix: prefix, partitions: 3 }),
    ...changelogs.map((topic) => changelogSpec(`${prefix}${topic}`, 1)),
  ];
  await ensureTopics(brokers, specs);
}

/**
 * Produces records as JSON keyed by their id, in order, in requests under the broker's size cap (a
 * one-partition topic takes a whole burst in one batch).
 */
export async function produceById(brokers: string[], topic: string, records: readonly { id: string }[]): Promise<void> {
  const producer = new Kafka({ clientId: "nexus-test-producer", brokers, logLevel: logLevel.NOTHING }).producer({
    idempotent: true,
  });
  await producer.connect();
  try {
    const messages = records.map((record) => ({ key: record.id, value: JSON.stringify(record) }));
    const size = (message: { key: string; value: string }): number => Buffer.byteLength(message.value) + 64;
    for (const slice of splitBySize(messages, size, MAX_REQUEST_BYTES)) await producer.send({ topic, messages: slice });
  } finally {
    await producer.disconnect();
  }
}

/** Polls `condition` until it holds or `timeoutMs` passes (then throws). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const repo = join(import.meta.dirname, "../..");

/** Starts `services/<name>` as its own process (its own group, so it can be killed alone). */
export function spawnService(
  name: string,
  kafka: { brokers: readonly string[]; prefix: string; partitions?: number },
  extraEnv: Record<string, string> = {},
): ChildProcess {
  const env = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers.join(","),
    KAFKA_TOPIC_PREFIX: kafka.prefix,
    KAFKA_PARTITIONS: String(kafka.partitions ?? 3),
    METRICS_PORT: "0",
    LOG_LEVEL: "warn",
    ...extraEnv,
  };
  const args = ["--conditions=nexus-source", "--import", "tsx", `services/${name}/src/main.ts`];
  return spawn(process.execPath, args, { cwd: repo, env, stdio: "inherit", detached: true });
}

/** A spawned service that has neither exited nor been ended by a signal. */
export function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Signals a detached service's whole process group; one that has just gone is not an error. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (isRunning(child)) process.kill(-(child.pid as number), signal);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== "ESRCH") throw thrown;
  }
}

/**
 * Stops spawned services as an orchestrator would: `signal` (SIGTERM unless told) to each process
 * group, then waits for them to exit (a graceful stop drains and commits), and SIGKILLs whatever is
 * still running at the deadline. Topics can be deleted once it resolves without the services logging
 * errors about them.
 */
export async function stopServices(
  children: readonly ChildProcess[],
  { signal = "SIGTERM", deadlineMs = 15_000 }: { signal?: NodeJS.Signals; deadlineMs?: number } = {},
): Promise<void> {
  const running = children.filter(isRunning);
  const exited = running.map((child) => new Promise<void>((resolve) => child.once("exit", () => resolve())));
  for (const child of running) signalGroup(child, signal);
  const timer = setTimeout(() => {
    for (const child of running) signalGroup(child, "SIGKILL");
  }, deadlineMs);
  await Promise.all(exited);
  clearTimeout(timer);
}
