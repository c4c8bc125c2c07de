/**
 * The Nexus processes the deploy files start, read the same way from compose and from Kubernetes:
 * which process, with which environment, probed where.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { type NexusProcess, processOfCommand } from "../../config/processes.js";

export const repo = join(import.meta.dirname, "../../..");
export const read = (path: string): string => readFileSync(join(repo, path), "utf8");

export interface Workload {
  /** Where it is declared, for messages: "compose api", "k8s Deployment/api". */
  readonly where: string;
  readonly process: NexusProcess;
  /** Variable → value; undefined when the value comes from a secret. */
  readonly env: ReadonlyMap<string, string | undefined>;
  readonly probes: readonly { readonly path: string; readonly port: number }[];
  /** Prometheus scrape port, when the workload asks to be scraped. */
  readonly scrapePort?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked field by field by the tests.
export type Yaml = any;

export function loadCompose(): Yaml {
  // Compose files use YAML merge keys (<<: *anchor), as Docker Compose does.
  return parse(read("deploy/compose/docker-compose.yml"), { merge: true });
}

export function composeWorkloads(compose: Yaml): Workload[] {
  return Object.entries(compose.services as Record<string, Yaml>).flatMap(([name, service]) => {
    const process = service.command ? processOfCommand(service.command) : undefined;
    if (!process) return [];
    const env = new Map<string, string | undefined>(
      Array.isArray(service.environment)
        ? service.environment.map((item: string) => item.split("=", 2) as [string, string])
        : Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
    );
    const test = [service.healthcheck?.test ?? []].flat().join(" ");
    const probes = [...test.matchAll(/https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/[a-z]+)/g)].map((m) => ({
      port: Number(m[1]),
      path: m[2] as string,
    }));
    return [{ where: `compose ${name}`, process, env, probes }];
  });
}

export function loadK8s(): Yaml[] {
  const kustomization = parse(read("deploy/k8s/kustomization.yaml")) as { resources: string[] };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(read(`deploy/k8s/${file}`))
      .map((doc) => doc.toJS())
      .filter(Boolean),
  );
}

function k8sEnv(container: Yaml, configMaps: Map<string, Record<string, string>>): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  for (const source of container.envFrom ?? []) {
    const data = configMaps.get(source.configMapRef?.name);
    if (!data) throw new Error(`envFrom names a ConfigMap that deploy/k8s does not define: ${JSON.stringify(source)}`);
    for (const [key, value] of Object.entries(data)) env.set(key, value);
  }
  for (const item of container.env ?? []) env.set(item.name, item.value);
  return env;
}

function portNumber(container: Yaml, port: string | number): number {
  if (typeof port === "number") return port;
  const found = (container.ports ?? []).find((p: Yaml) => p.name === port);
  if (!found) throw new Error(`probe names port "${port}", which the container does not declare`);
  return found.containerPort;
}

export function k8sWorkloads(docs: Yaml[]): Workload[] {
  const configMaps = new Map<string, Record<string, string>>(
    docs.filter((doc) => doc.kind === "ConfigMap").map((doc) => [doc.metadata.name, doc.data ?? {}]),
  );
  return docs
    .filter((doc) => doc.kind === "Deployment" || doc.kind === "StatefulSet")
    .flatMap((doc) => {
      const container = doc.spec.template.spec.containers[0];
      const process = container.command ? processOfCommand(container.command) : undefined;
      if (!process) return [];
      const probes = [container.livenessProbe, container.readinessProbe]
        .filter((probe) => probe?.httpGet)
        .map((probe) => ({ path: probe.httpGet.path, port: portNumber(container, probe.httpGet.port) }));
      const annotations = doc.spec.template.metadata?.annotations ?? {};
      const scrape =
        annotations["prometheus.io/scrape"] === "true" ? Number(annotations["prometheus.io/port"]) : undefined;
      return [
        {
          where: `k8s ${doc.kind}/${doc.metadata.name}`,
          process,
          env: k8sEnv(container, configMaps),
          probes,
          ...(scrape === undefined ? {} : { scrapePort: scrape }),
        },
      ];
    });
}

/** The port a workload's process serves its probes on: its variable's value, else the default. */
export function servedPort(workload: Workload): number | undefined {
  const variable = workload.process.probePort;
  if (!variable) return undefined;
  const field = Object.values(workload.process.spec)
    .flatMap((group) => Object.values(group))
    .find((f) => f.env === variable);
  const raw = workload.env.get(variable);
  return raw === undefined || raw === "" ? (field?.defaultValue as number | undefined) : Number(raw);
}

/** A port nothing listens on right now, for a process started by a test. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
