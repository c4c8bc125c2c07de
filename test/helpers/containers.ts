import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { env } from "./env.js";

// Versions match deploy/scripts, so both paths test against the same servers. Containers are reaped when the
// test process exits (testcontainers' Ryuk), or kept for the next run with TESTCONTAINERS_REUSE_ENABLE=true.
// testcontainers is loaded only when a Docker daemon may answer, so machines without Docker never pay for it.
type Testcontainers = typeof import("testcontainers");

export const images = {
  kafka: env("NEXUS_KAFKA_IMAGE") ?? "apache/kafka:4.4.0",
  elasticsearch: env("NEXUS_ES_IMAGE") ?? "docker.elastic.co/elasticsearch/elasticsearch:8.19.21",
} as const;

let runtime: Promise<Testcontainers | null> | undefined;

/** Loads testcontainers when a Docker daemon answers; null (quickly) when there is none. Asked once. */
export function dockerRuntime(): Promise<Testcontainers | null> {
  runtime ??= findDockerRuntime();
  return runtime;
}

async function findDockerRuntime(): Promise<Testcontainers | null> {
  const socketHints = env("DOCKER_HOST") !== undefined || existsSync("/var/run/docker.sock");
  if (!socketHints || env("NEXUS_STACK") === "local") return null;
  try {
    const tc = await import("testcontainers");
    await tc.getContainerRuntimeClient();
    return tc;
  } catch {
    return null;
  }
}

// Kafka advertises the address clients must dial, so the host port is chosen before the container starts.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startKafkaContainer(tc: Testcontainers): Promise<string[]> {
  const port = await freePort();
  const host = (await tc.getContainerRuntimeClient()).info.containerRuntime.host;
  const container = await new tc.GenericContainer(images.kafka)
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: "1",
      KAFKA_PROCESS_ROLES: "broker,controller",
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: "CONTROLLER",
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
      KAFKA_CONTROLLER_QUORUM_VOTERS: "1@localhost:9093",
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: "1",
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: "1",
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: "1",
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: "0",
    })
    .withWaitStrategy(tc.Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .withReuse()
    .start();
  return [`${container.getHost()}:${port}`];
}

export async function startElasticsearchContainer(tc: Testcontainers): Promise<string> {
  const container = await new tc.GenericContainer(images.elasticsearch)
    .withExposedPorts(9200)
    .withEnvironment({
      "discovery.type": "single-node",
      "xpack.security.enabled": "false",
      "cluster.routing.allocation.disk.threshold_enabled": "false",
      "action.destructive_requires_name": "false",
      ES_JAVA_OPTS: "-Xms1g -Xmx1g",
    })
    .withWaitStrategy(tc.Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=5s", 9200).forStatusCode(200))
    .withStartupTimeout(300_000)
    .withReuse()
    .start();
  return `http://${container.getHost()}:${container.getMappedPort(9200)}`;
}
