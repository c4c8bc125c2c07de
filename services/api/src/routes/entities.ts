import { NexusError } from "@nexus/errors";
import { splitPhoneQuery } from "@nexus/pipeline";
import type { FastifyInstance } from "fastify";
import type { ApiBackend } from "../backend.js";

interface EntitySearchParams {
  q?: string;
  phone?: string;
  email?: string;
  handle?: string;
  layer?: "persona" | "network";
  size?: number;
}

export function registerEntityRoutes(app: FastifyInstance, backend: ApiBackend): void {
  app.get<{ Querystring: EntitySearchParams }>(
    "/v1/entities",
    {
      schema: {
        tags: ["entities"],
        summary: "Entities carrying a phone (any format), email or handle (platform:value), or whose ads match words",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string" },
            phone: { type: "string" },
            email: { type: "string" },
            handle: { type: "string" },
            layer: { type: "string", enum: ["persona", "network"], default: "network" },
            size: { type: "integer", minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
      config: { role: "viewer" },
    },
    async (request) => {
      const { q, phone, email, handle, layer = "network", size = 20 } = request.query;
      if (!q && !phone && !email && !handle) throw new NexusError("NEXUS_USAGE", "give q, phone, email or handle");
      const e164 = phone ? splitPhoneQuery(phone).phone : undefined;
      if (phone && !e164) throw new NexusError("NEXUS_USAGE", `"${phone}" is not a phone number Nexus recognises`);
      return backend.searchEntities({
        layer,
        size,
        ...(q ? { text: q } : {}),
        ...(e164 ? { phone: e164 } : {}),
        ...(email ? { email } : {}),
        ...(handle ? { handle } : {}),
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/entities/:id",
    {
      schema: {
        tags: ["entities"],
        summary: "An entity: ads, phones, photos, cities over time, personas, and the links with their evidence",
      },
      config: { role: "viewer" },
    },
    async (request) => {
      const entity = await backend.getEntity(request.params.id);
      if (!entity) throw new NexusError("NEXUS_NOT_FOUND", `no entity ${request.params.id}`);
      return entity;
    },
  );

  app.get<{ Querystring: { a: string; b: string } }>(
    "/v1/why",
    {
      schema: {
        tags: ["entities"],
        summary: "Why two ads are (or are not) in one entity: the chain of links with their evidence",
        querystring: {
          type: "object",
          required: ["a", "b"],
          properties: { a: { type: "string" }, b: { type: "string" } },
        },
      },
      config: { role: "viewer" },
    },
    async (request) => {
      for (const id of [request.query.a, request.query.b]) {
        if (!(await backend.getAd(id))) throw new NexusError("NEXUS_NOT_FOUND", `no ad ${id}`);
      }
      return backend.explain(request.query.a, request.query.b);
    },
  );
}
