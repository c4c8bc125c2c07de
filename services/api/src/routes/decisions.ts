import type { FastifyInstance } from "fastify";
import type { Principal } from "../auth.js";
import type { InsightBackend } from "../console/insights.js";

interface DecisionBody {
  kind: "must-link" | "cannot-link";
  a: string;
  b: string;
  note?: string;
  layer?: "persona" | "network";
}

const idField = { type: "string", minLength: 1, maxLength: 256 } as const;

/**
 * Analyst decisions (must-link / cannot-link between ads or entities) and the generic-value
 * review. Who decided is the signed-in principal, never a field the client chooses.
 */
export function registerDecisionRoutes(app: FastifyInstance, insights: InsightBackend): void {
  app.get(
    "/v1/decisions",
    {
      schema: { tags: ["decisions"], summary: "Every decision and generic override, oldest first, with who and when" },
      config: { role: "viewer" },
    },
    async () => ({ decisions: await insights.decisions() }),
  );

  app.post<{ Body: DecisionBody }>(
    "/v1/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary: "Must-link or cannot-link two ads or entities; applied at once and for every later ad",
        body: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "a", "b"],
          properties: {
            kind: { type: "string", enum: ["must-link", "cannot-link"] },
            a: idField,
            b: idField,
            note: { type: "string", maxLength: 2000 },
            layer: { type: "string", enum: ["persona", "network"] },
          },
        },
      },
      config: { role: "analyst" },
    },
    async (request, reply) => {
      const by = (request.principal as Principal).name;
      const outcome = await insights.decide({ ...request.body, by });
      return reply.status(201).send(outcome);
    },
  );

  app.get(
    "/v1/generics",
    {
      schema: { tags: ["decisions"], summary: "Values demoted from linking (site numbers, stock photos, templates)" },
      config: { role: "viewer" },
    },
    async () => ({ generics: await insights.generics() }),
  );

  app.post<{ Body: { key: string; mode: "generic" | "specific" } }>(
    "/v1/generics",
    {
      schema: {
        tags: ["decisions"],
        summary: "Override the generic-value guard for one value (e.g. phone:+50255512345)",
        body: {
          type: "object",
          additionalProperties: false,
          required: ["key", "mode"],
          properties: {
            key: { type: "string", pattern: "^(phone|email|handle|photo|phrase):", maxLength: 2000 },
            mode: { type: "string", enum: ["generic", "specific"] },
          },
        },
      },
      config: { role: "analyst" },
    },
    async (request, reply) => {
      const { key, mode } = request.body;
      const outcome = await insights.overrideGeneric(key, mode, (request.principal as Principal).name);
      return reply.status(201).send(outcome);
    },
  );
}
