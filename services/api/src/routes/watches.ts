import {
  type AlertService,
  ENTITY_TRIGGERS,
  type EntityTrigger,
  WATCH_KINDS,
  type WatchRequest,
} from "@nexus/alerting";
import { NexusError } from "@nexus/errors";
import type { Watch } from "@nexus/schemas";
import type { FastifyInstance } from "fastify";
import type { ImageHashing } from "../app.js";

interface WatchBody {
  kind: Watch["kind"];
  value?: string;
  label?: string;
  country?: string;
  maxDistance?: number;
  triggers?: EntityTrigger[];
  webhook?: { url: string; secret: string };
  image?: string;
}

/** A watch as the API shows it: the webhook's secret never leaves the server. */
export type PublicWatch = Omit<Watch, "webhook"> & { webhook?: { url: string } };

export function publicWatch(watch: Watch): PublicWatch {
  const { webhook, ...rest } = watch;
  return webhook ? { ...rest, webhook: { url: webhook.url } } : rest;
}

const watchBodySchema = {
  type: "object",
  additionalProperties: false,
  required: ["kind"],
  properties: {
    kind: { type: "string", enum: [...WATCH_KINDS] },
    value: {
      type: "string",
      minLength: 1,
      maxLength: 2000,
      description: "phone/email/handle in any format, the text query, or the entity id; ignored for image",
    },
    label: { type: "string", maxLength: 200 },
    country: { type: "string", pattern: "^[A-Za-z]{2}$", description: "region to read a phone without +cc in" },
    maxDistance: { type: "integer", minimum: 0, maximum: 64, description: "image: PDQ Hamming distance (31)" },
    triggers: {
      type: "array",
      uniqueItems: true,
      minItems: 1,
      items: { type: "string", enum: [...ENTITY_TRIGGERS] },
      description: "entity: what raises an alert (default all)",
    },
    webhook: {
      type: "object",
      additionalProperties: false,
      required: ["url", "secret"],
      properties: {
        url: { type: "string", pattern: "^https?://", maxLength: 2048 },
        secret: { type: "string", minLength: 16, maxLength: 256, description: "HMAC-SHA256 key; never returned" },
      },
    },
    image: { type: "string", maxLength: 24_000_000, description: "image: the photo, base64" },
  },
} as const;

const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", maxLength: 128 } },
} as const;

async function toWatchRequest(body: WatchBody, images: ImageHashing): Promise<WatchRequest> {
  const { image, value, kind, ...rest } = body;
  const common = { kind, ...rest, ...(rest.country ? { country: rest.country.toUpperCase() } : {}) };
  if (kind !== "image") {
    if (image !== undefined) throw new NexusError("NEXUS_WATCH_INVALID", "only an image watch takes an image");
    if (value === undefined) throw new NexusError("NEXUS_WATCH_INVALID", `a ${kind} watch needs a value`);
    return { ...common, value };
  }
  const bytes = image === undefined ? undefined : Buffer.from(image, "base64");
  if (!bytes || bytes.length === 0) {
    throw new NexusError("NEXUS_WATCH_INVALID", "an image watch needs the photo as base64 in `image`");
  }
  const hashed = await images.hash(bytes);
  return {
    ...common,
    value: value ?? "uploaded image",
    image: { pdq: hashed.pdq, quality: hashed.quality, dihedral: hashed.dihedral },
  };
}

async function found(alerts: AlertService, id: string): Promise<Watch> {
  const watch = await alerts.watch(id);
  if (!watch) throw new NexusError("NEXUS_NOT_FOUND", `no watch ${id}`, { details: { id } });
  return watch;
}

/** Watchlists: analysts create, list and remove watches; secrets stay on the server. */
export function registerWatchRoutes(app: FastifyInstance, alerts: AlertService, images: ImageHashing): void {
  app.post<{ Body: WatchBody }>(
    "/v1/watches",
    {
      schema: {
        tags: ["watches"],
        summary: "Watch a phone, email, handle, photo (base64), text query or entity; alerts on every new match",
        body: watchBodySchema,
      },
      config: { role: "analyst" },
    },
    async (request, reply) => {
      const watch = await alerts.addWatch(await toWatchRequest(request.body, images));
      return reply.status(201).send(publicWatch(watch));
    },
  );

  app.get(
    "/v1/watches",
    { schema: { tags: ["watches"], summary: "Every active watch" }, config: { role: "analyst" } },
    async () => ({ watches: (await alerts.watches()).map(publicWatch) }),
  );

  app.get<{ Params: { id: string } }>(
    "/v1/watches/:id",
    { schema: { tags: ["watches"], summary: "One watch", params: idParams }, config: { role: "analyst" } },
    async (request) => publicWatch(await found(alerts, request.params.id)),
  );

  app.delete<{ Params: { id: string } }>(
    "/v1/watches/:id",
    {
      schema: { tags: ["watches"], summary: "Stop a watch (its alerts stay listed)", params: idParams },
      config: { role: "analyst" },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await alerts.removeWatch(id))) {
        throw new NexusError("NEXUS_NOT_FOUND", `no watch ${id}`, { details: { id } });
      }
      return reply.status(204).send();
    },
  );
}
