/**
 * Every Nexus process and the configuration spec it reads, from the spec modules the processes
 * themselves use (each service's src/config.ts). docs/config.md is generated from this list, and
 * the deploy tests check the deploy files against it.
 */
import { configSpec as cli, kafkaModeSpec as cliKafka } from "@nexus/cli/config";
import type { ConfigSpec, Field } from "@nexus/config";
import { configSpec as alerter } from "@nexus/service-alerter/config";
import { configSpec as api, kafkaModeSpec as apiKafka } from "@nexus/service-api/config";
import { configSpec as extractor } from "@nexus/service-extractor/config";
import { configSpec as imageHasher } from "@nexus/service-image-hasher/config";
import { configSpec as indexer } from "@nexus/service-indexer/config";
import { configSpec as matcher } from "@nexus/service-matcher/config";
import { configSpec as notifier } from "@nexus/service-notifier/config";
import { configSpec as resolver } from "@nexus/service-resolver/config";

export interface NexusProcess {
  readonly name: string;
  /** How it is started; `main` is the compiled entry point the deploy files run. */
  readonly main?: string;
  readonly command: string;
  readonly summary: string;
  readonly spec: ConfigSpec;
  /** Read only in some modes, said by `when`. */
  readonly optional?: { readonly when: string; readonly spec: ConfigSpec };
  /** The variable naming the port that serves /healthz and /readyz. */
  readonly probePort?: string;
  /** Whether that port also serves Prometheus /metrics. */
  readonly metrics?: boolean;
}

const stage = (name: string, summary: string, spec: ConfigSpec): NexusProcess => ({
  name,
  main: `services/${name}/dist/src/main.js`,
  command: `node services/${name}/dist/src/main.js`,
  summary,
  spec,
  probePort: "METRICS_PORT",
  metrics: true,
});

export const PROCESSES: readonly NexusProcess[] = [
  {
    name: "cli",
    command: "nexus (npx nexus, npm run nexus)",
    summary: "the command line; the embedded runtime over a data directory",
    spec: cli,
    optional: { when: "produce, and watch / alerts with --kafka", spec: cliKafka },
  },
  {
    name: "api",
    main: "services/api/dist/src/main.js",
    command: "node services/api/dist/src/main.js (npm run api)",
    summary: "the HTTP API; /healthz and /readyz on its own port",
    spec: api,
    optional: { when: "KAFKA_BROKERS is set: ingest, watches and alerts go through Kafka", spec: apiKafka },
    probePort: "NEXUS_API_PORT",
    metrics: false,
  },
  stage("extractor", "raw ads → extracted ads", extractor),
  stage("image-hasher", "extracted ads → enriched ads (images fetched and hashed)", imageHasher),
  stage("matcher", "enriched ads → scored pairs (one of MATCHER_REPLICAS replicas)", matcher),
  stage("resolver", "scored pairs → entities", resolver),
  stage("indexer", "enriched and resolved ads → Elasticsearch", indexer),
  stage("alerter", "resolutions × watches → alerts", alerter),
  stage("notifier", "alerts → signed webhooks", notifier),
];

export const fieldsOf = (spec: ConfigSpec): Field<unknown>[] =>
  Object.values(spec).flatMap((group) => Object.values(group));

/** Every variable a process may read, in any mode. */
export function variablesOf(process: NexusProcess): Map<string, Field<unknown>> {
  const fields = [...fieldsOf(process.spec), ...(process.optional ? fieldsOf(process.optional.spec) : [])];
  return new Map(fields.map((field) => [field.env, field]));
}

/** The process a deploy file starts with this command, e.g. ["node", "services/api/dist/src/main.js"]. */
export function processOfCommand(command: readonly string[]): NexusProcess | undefined {
  return PROCESSES.find((process) => process.main !== undefined && command.includes(process.main));
}
