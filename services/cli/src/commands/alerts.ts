import { readConfig } from "@nexus/config";
import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import type { Alert } from "@nexus/schemas";
import { configSpec } from "../config.js";
import { type Command, type CommandContext, writeJsonLine } from "../context.js";
import { withKafkaAlerts } from "../kafka-alerts.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { ALERTS } from "../specs.js";
import { readServerEvents } from "../sse.js";

const USAGE = usageText(ALERTS);

interface AlertsQuery {
  readonly watchId?: string;
  readonly afterSeq?: number;
  readonly limit?: number;
}

/** Tails the API's live feed (server-sent events) until interrupted: one JSON line per alert. */
async function follow(context: CommandContext, api: string, query: AlertsQuery): Promise<number> {
  const url = new URL("/v1/alerts/stream", api);
  if (query.afterSeq !== undefined) url.searchParams.set("afterSeq", String(query.afterSeq));
  const key = readConfig({ api: configSpec.api }, context.env).api.key;
  let response: Response;
  try {
    response = await fetch(url, { headers: key ? { "x-api-key": key } : {}, signal: context.signal });
  } catch (thrown) {
    if (context.signal.aborted) return 0;
    throw new NexusError("NEXUS_USAGE", `cannot reach ${url.origin}: ${(thrown as Error).message}`, { cause: thrown });
  }
  if (!response.ok || !response.body) {
    throw new NexusError("NEXUS_USAGE", `${url.href} answered ${response.status}: ${await response.text()}`);
  }
  try {
    for await (const event of readServerEvents(response.body)) {
      if (event.event !== "alert") continue;
      const alert = JSON.parse(event.data) as { watchId?: string };
      if (query.watchId === undefined || alert.watchId === query.watchId) writeJsonLine(context.stdout, alert);
    }
  } catch (thrown) {
    if (!context.signal.aborted) throw thrown;
  }
  return 0;
}

/** Alerts from the alerts topic; with `follow`, then every new one until interrupted. */
async function overKafka(
  context: CommandContext,
  brokers: string | undefined,
  options: { query: AlertsQuery; follow: boolean },
): Promise<number> {
  return withKafkaAlerts(context, brokers, async (service) => {
    const { watchId } = options.query;
    const printed = new Set<string>();
    const print = (alert: Alert): void => {
      if (printed.has(alert.id) || (watchId !== undefined && alert.watchId !== watchId)) return;
      printed.add(alert.id);
      writeJsonLine(context.stdout, alert);
    };
    // Subscribed before the backlog is read; the service only passes on alerts newer than its catch-up.
    const unsubscribe = options.follow ? service.subscribe(print) : undefined;
    for (const alert of await service.alerts(options.query)) print(alert);
    if (unsubscribe) {
      await new Promise<void>((resolve) => context.signal.addEventListener("abort", () => resolve(), { once: true }));
      unsubscribe();
    }
    return 0;
  });
}

function queryFrom(values: {
  watch?: string | undefined;
  after?: string | undefined;
  limit?: string | undefined;
}): AlertsQuery {
  const afterSeq = values.after === undefined ? undefined : Number(values.after);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if ((afterSeq !== undefined && !Number.isInteger(afterSeq)) || (limit !== undefined && !(limit > 0))) {
    throw new NexusError("NEXUS_USAGE", `--after and --limit take numbers\n${USAGE}`);
  }
  return {
    ...(values.watch ? { watchId: values.watch } : {}),
    ...(afterSeq === undefined ? {} : { afterSeq }),
    ...(limit === undefined ? {} : { limit }),
  };
}

/** `alerts`: one JSON line per alert, oldest first; `--follow` keeps printing new ones. */
export const alertsCommand: Command = async (context) => {
  const { values } = parseOptions(context, ALERTS);
  const query = queryFrom(values);
  if (values.kafka || values.brokers)
    return overKafka(context, values.brokers, { query, follow: values.follow === true });
  if (values.follow) {
    // The data directory is held by the process that ingests; its API serves the live feed.
    if (!values.api)
      throw new NexusError("NEXUS_USAGE", `--follow reads a running API's feed: add --api URL\n${USAGE}`);
    return follow(context, values.api, query);
  }
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    for (const alert of await engine.alerting.alerts(query)) writeJsonLine(context.stdout, alert);
    return 0;
  } finally {
    await engine.close();
  }
};
