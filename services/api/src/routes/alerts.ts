import type { AlertService } from "@nexus/alerting";
import type { FastifyInstance } from "fastify";
import { alertPage } from "../alert-cursor.js";
import { type AlertStreamOptions, registerAlertStream } from "./alert-stream.js";

interface AlertListQuery {
  watchId?: string;
  afterSeq?: number;
  limit?: number;
}

/** Alerts (listed and live) and the state of their webhook deliveries. */
export function registerAlertRoutes(
  app: FastifyInstance,
  alerts: AlertService,
  streamOptions: AlertStreamOptions = {},
): void {
  app.get<{ Querystring: AlertListQuery }>(
    "/v1/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "Alerts oldest first; page with afterSeq = the last alert's seq",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            watchId: { type: "string" },
            afterSeq: { type: "integer", minimum: 0 },
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
          },
        },
      },
      config: { role: "viewer" },
    },
    async (request) => {
      const { watchId, afterSeq, limit = 100 } = request.query;
      const query = { limit, ...(watchId ? { watchId } : {}), ...(afterSeq === undefined ? {} : { afterSeq }) };
      return { alerts: await alertPage(alerts, query) };
    },
  );

  app.get<{ Querystring: { watchId?: string } }>(
    "/v1/alerts/deliveries",
    {
      schema: {
        tags: ["alerts"],
        summary: "Webhook deliveries (single alerts or digests): pending, delivered or failed, with attempts",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { watchId: { type: "string" } },
        },
      },
      config: { role: "viewer" },
    },
    async (request) => {
      const { watchId } = request.query;
      return { deliveries: await alerts.deliveries(watchId ? { watchId } : {}) };
    },
  );

  registerAlertStream(app, alerts, streamOptions);
}
