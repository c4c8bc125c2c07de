import { NexusError } from "@nexus/errors";
import type { FastifyInstance } from "fastify";
import type { ApiBackend } from "../backend.js";

export function registerEntityRoutes(app: FastifyInstance, backend: ApiBackend): void {
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
