import { resolve } from "node:path";
import { type AlertService, type EntityTrigger, WATCH_KINDS, type WatchKind, type WatchRequest } from "@nexus/alerting";
import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { createImageHasher } from "@nexus/image-input";
import type { Watch } from "@nexus/schemas";
import { type Command, type CommandContext, writeJsonLine } from "../context.js";
import { withKafkaAlerts } from "../kafka-alerts.js";
import { engineOptions, imageOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { WATCH } from "../specs.js";

const USAGE = usageText(WATCH);

interface WatchFlags {
  readonly label?: string | undefined;
  readonly country?: string | undefined;
  readonly "max-distance"?: string | undefined;
  readonly trigger?: string | string[] | undefined;
  readonly webhook?: string | undefined;
  readonly secret?: string | undefined;
}

const usage = (message: string): NexusError => new NexusError("NEXUS_USAGE", `${message}\n${USAGE}`);

/** What may be shown of a watch: never the webhook's secret. */
export function publicWatch(watch: Watch): Omit<Watch, "webhook"> & { webhook?: { url: string } } {
  const { webhook, ...rest } = watch;
  return webhook ? { ...rest, webhook: { url: webhook.url } } : rest;
}

async function hashWatchedImage(context: CommandContext, value: string): Promise<NonNullable<WatchRequest["image"]>> {
  const hasher = createImageHasher({ ...imageOptions(context).options, allowFile: true });
  try {
    const hashed = /^https?:\/\//.test(value)
      ? await hasher.hash({ url: value })
      : await hasher.hashFile(resolve(context.cwd, value));
    return { pdq: hashed.pdq, quality: hashed.quality, dihedral: hashed.dihedral };
  } finally {
    await hasher.close();
  }
}

async function requestFrom(context: CommandContext, values: WatchFlags, positionals: string[]): Promise<WatchRequest> {
  const [kind, ...rest] = positionals;
  const value = rest.join(" ");
  if (!kind || !WATCH_KINDS.includes(kind as WatchKind)) throw usage(`KIND must be one of ${WATCH_KINDS.join(", ")}`);
  if (!value) throw usage("VALUE is missing");
  if ((values.webhook === undefined) !== (values.secret === undefined))
    throw usage("--webhook and --secret go together");
  const maxDistance = values["max-distance"] === undefined ? undefined : Number(values["max-distance"]);
  return {
    kind: kind as WatchKind,
    value,
    ...(typeof values.label === "string" ? { label: values.label } : {}),
    ...(typeof values.country === "string" ? { country: values.country.toUpperCase() } : {}),
    ...(maxDistance === undefined ? {} : { maxDistance }),
    ...(values.trigger === undefined ? {} : { triggers: [values.trigger].flat() as EntityTrigger[] }),
    ...(typeof values.webhook === "string" ? { webhook: { url: values.webhook, secret: String(values.secret) } } : {}),
    ...(kind === "image" ? { image: await hashWatchedImage(context, value) } : {}),
  };
}

async function run(
  action: "add" | "list" | "remove",
  service: AlertService,
  context: CommandContext,
  args: { request: WatchRequest | undefined; positionals: string[] },
): Promise<number> {
  if (args.request) {
    writeJsonLine(context.stdout, publicWatch(await service.addWatch(args.request)));
    return 0;
  }
  if (action === "list") {
    for (const watch of await service.watches()) writeJsonLine(context.stdout, publicWatch(watch));
    return 0;
  }
  const [id] = args.positionals;
  if (!id) throw usage("WATCH_ID is missing");
  if (!(await service.removeWatch(id))) throw new NexusError("NEXUS_NOT_FOUND", `no watch ${id}`, { details: { id } });
  writeJsonLine(context.stdout, { removed: id });
  return 0;
}

/** `watch`: add, list and remove watches; new ads are evaluated against them after resolution. */
export const watchCommand: Command = async (context) => {
  const [action, ...args] = context.args;
  if (action !== "add" && action !== "list" && action !== "remove") throw usage("add, list or remove?");
  const { values, positionals } = parseOptions({ ...context, args }, WATCH);
  // The value is checked (and an image hashed) before any store or broker is opened: a bad one fails fast.
  const request = action === "add" ? await requestFrom(context, values, positionals) : undefined;
  const act = (service: AlertService): Promise<number> => run(action, service, context, { request, positionals });
  if (values.kafka || values.brokers) return withKafkaAlerts(context, values.brokers, act);
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    return await act(engine.alerting);
  } finally {
    await engine.close();
  }
};
