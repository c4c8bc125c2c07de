import { NexusError } from "@nexus/errors";
import type { FastifyInstance } from "fastify";
import type { ApiBackend } from "../backend.js";
import type { InsightBackend } from "../console/insights.js";
import { adsCsv, contactsCsv, linksCsv } from "../export/csv.js";
import type { EvidenceBundle } from "../export/evidence.js";
import { entityFtm } from "../export/ftm.js";
import { entityGraphml } from "../export/graphml.js";

const FORMATS = {
  "ads.csv": { type: "text/csv; charset=utf-8", render: adsCsv },
  "contacts.csv": { type: "text/csv; charset=utf-8", render: contactsCsv },
  "links.csv": { type: "text/csv; charset=utf-8", render: linksCsv },
  graphml: { type: "application/graphml+xml; charset=utf-8", render: entityGraphml },
  ftm: { type: "application/x-ndjson; charset=utf-8", render: entityFtm },
} as const;
type Format = keyof typeof FORMATS;

async function bundleOf(deps: { backend: ApiBackend; insights: InsightBackend }, id: string): Promise<EvidenceBundle> {
  const [overview, detail] = await Promise.all([deps.insights.entityOverview(id), deps.backend.getEntity(id)]);
  if (!overview || !detail) throw new NexusError("NEXUS_NOT_FOUND", `no entity ${id}`);
  const adText = new Map<string, { url?: string; body: string }>();
  for (const ad of overview.ads) {
    const found = await deps.backend.getAd(ad.id);
    if (found) adText.set(ad.id, { body: found.ad.ad.body, ...(found.ad.ad.url ? { url: found.ad.ad.url } : {}) });
  }
  return { overview, detail, adText };
}

/** An entity's evidence for other tools: CSV, GraphML (Gephi), FollowTheMoney (Aleph). */
export function registerExportRoutes(app: FastifyInstance, deps: { backend: ApiBackend; insights: InsightBackend }) {
  app.get<{ Params: { id: string }; Querystring: { format: Format } }>(
    "/v1/entities/:id/export",
    {
      schema: {
        tags: ["entities"],
        summary: "Export an entity's evidence: ads.csv, contacts.csv, links.csv, graphml (Gephi) or ftm (Aleph)",
        params: { type: "object", required: ["id"], properties: { id: { type: "string", maxLength: 256 } } },
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["format"],
          properties: { format: { type: "string", enum: Object.keys(FORMATS) } },
        },
      },
      config: { role: "viewer" },
    },
    async (request, reply) => {
      const { id } = request.params;
      const format = FORMATS[request.query.format];
      const body = format.render(await bundleOf(deps, id));
      const extension = request.query.format === "ftm" ? "ftm.json" : request.query.format;
      const filename = `nexus-${id.replace(/[^A-Za-z0-9_-]/g, "_")}-${extension}`;
      return reply
        .header("content-type", format.type)
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(body);
    },
  );
}
