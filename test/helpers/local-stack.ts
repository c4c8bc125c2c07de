import { execFile } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { env } from "./env.js";

// The deploy scripts are the one way local Kafka/Elasticsearch processes are started, by people, CI and tests.
const scriptsDir = fileURLToPath(new URL("../../deploy/scripts/", import.meta.url));
const UP_TIMEOUT_MS = 10 * 60_000;

export const localKafka = {
  host: env("KAFKA_HOST") ?? "127.0.0.1",
  port: Number(env("KAFKA_PORT") ?? 9092),
} as const;

export const localElasticsearch = {
  host: env("ES_HOST") ?? "127.0.0.1",
  port: Number(env("ES_PORT") ?? 9200),
} as const;

/** True when something accepts a TCP connection on host:port within the timeout. */
export function portAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when an Elasticsearch node at `url` reports yellow or green health. */
export async function elasticsearchHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=2s`, {
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { status?: string };
    return res.ok && (body.status === "yellow" || body.status === "green");
  } catch {
    return false;
  }
}

/** Runs deploy/scripts/<name> (idempotent up scripts); its output goes to stderr, the reason to the error. */
export function runDeployScript(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile("bash", [`${scriptsDir}${name}`], { timeout: UP_TIMEOUT_MS }, (error, _out, stderr) => {
      if (error) {
        reject(new Error(`deploy/scripts/${name} failed (${error.message}):\n${stderr}`));
      } else {
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  });
}

/** Kafka as a local process: reuse what answers on the port, else start it with kafka-up.sh. */
export async function localKafkaBrokers(): Promise<string[]> {
  const address = `${localKafka.host}:${localKafka.port}`;
  if (!(await portAnswers(localKafka.host, localKafka.port))) {
    await runDeployScript("kafka-up.sh");
  }
  return [address];
}

/** Elasticsearch as a local process: reuse a healthy node on the port, else start it with es-up.sh. */
export async function localElasticsearchUrl(): Promise<string> {
  const url = `http://${localElasticsearch.host}:${localElasticsearch.port}`;
  if (!(await elasticsearchHealthy(url))) {
    await runDeployScript("es-up.sh");
  }
  return url;
}
