/**
 * Every service as the deploy files run it: the compiled entry point (node services/<name>/dist/…,
 * not tsx) with the environment compose gives it, pointed at the test Kafka and Elasticsearch under
 * a unique topic and index prefix. Each must come up and answer the probes compose declares for it,
 * then stop cleanly on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deleteTopics, elasticsearchUrl, kafkaBrokers } from "@nexus/test-helpers";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopServices, waitFor } from "../integration/pipeline-helpers.js";
import { composeWorkloads, freePort, loadCompose, repo, servedPort, type Workload } from "../unit/deploy/workloads.js";

const prefix = `compiled-${Date.now()}-`;
const indexPrefix = `compiled-${Date.now()}`;
const work = mkdtempSync(join(tmpdir(), "nexus-compiled-services-"));
const workloads = composeWorkloads(loadCompose());
const started: {
  workload: Workload;
  child: ChildProcess;
  env: Record<string, string>;
  exit: Promise<number | null>;
}[] = [];
let brokers: string[] = [];
let esUrl = "";

/** Compose's environment, with the test's servers, prefixes, ports and directories. */
async function testEnv(workload: Workload, name: string): Promise<Record<string, string>> {
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "" };
  for (const [key, value] of workload.env) if (value !== undefined) env[key] = value;
  const port = String(await freePort());
  return {
    ...env,
    KAFKA_BROKERS: brokers.join(","),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_PARTITIONS: "2",
    LOG_LEVEL: "warn",
    ...(env["ELASTICSEARCH_URL"] ? { ELASTICSEARCH_URL: esUrl, ES_INDEX_PREFIX: indexPrefix } : {}),
    ...(workload.process.probePort === "METRICS_PORT" ? { METRICS_PORT: port } : {}),
    ...(workload.process.name === "api"
      ? { NEXUS_API_PORT: port, NEXUS_API_KEYS: "ops:admin:compiled-services-key", NEXUS_DATA_DIR: join(work, name) }
      : {}),
    ...(workload.process.name === "indexer" ? { INDEXER_STATE_DIR: join(work, name) } : {}),
  };
}

beforeAll(async () => {
  brokers = await kafkaBrokers();
  esUrl = await elasticsearchUrl();
  for (const workload of workloads) {
    const name = workload.where.replace("compose ", "");
    const env = await testEnv(workload, name);
    const child = spawn(process.execPath, [workload.process.main as string], {
      cwd: repo,
      env,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    started.push({ workload, child, env, exit });
  }
}, 60_000);

afterAll(async () => {
  await stopServices(started.map((s) => s.child));
  const admin = new Kafka({ clientId: "compiled-services", brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  await admin.disconnect();
  await deleteTopics(brokers, topics).catch(() => undefined);
  await fetch(`${esUrl}/${indexPrefix}-*`, { method: "DELETE" }).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}, 120_000);

const probeOk = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};

describe("compiled services with the deploy environment", () => {
  it("start every service compose starts", () => {
    expect(started.map((s) => s.workload.process.name).sort()).toEqual(
      ["alerter", "api", "extractor", "image-hasher", "indexer", "matcher", "matcher", "notifier", "resolver"].sort(),
    );
  });

  it("each answers the probes compose declares, on the port its settings name", { timeout: 300_000 }, async () => {
    for (const { workload, env } of started) {
      const port = servedPort({ ...workload, env: new Map(Object.entries(env)) });
      for (const probe of [...workload.probes, { path: "/healthz", port }]) {
        await waitFor(() => probeOk(`http://127.0.0.1:${port}${probe.path}`), 240_000);
      }
    }
  });

  it("each stops cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    await stopServices(started.map((s) => s.child));
    expect(await Promise.all(started.map((s) => s.exit))).toEqual(started.map(() => 0));
  });
});
