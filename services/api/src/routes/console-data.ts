import { NexusError } from "@nexus/errors";
import type { PhotoReader } from "@nexus/image-input";
import type { FastifyInstance } from "fastify";
import type { ApiBackend } from "../backend.js";
import type { InsightBackend } from "../console/insights.js";

const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", minLength: 1, maxLength: 256 } },
} as const;

type FoundAd = NonNullable<Awaited<ReturnType<ApiBackend["getAd"]>>>;

const PHOTO_SIDES = { thumb: 240, full: 1024 } as const;

/** Ads whose photos are near-duplicates of this ad's (any of its photos, flips and rotations included). */
async function photoNeighbours(backend: ApiBackend, found: FoundAd): Promise<{ id: string; distance: number }[]> {
  const adId = found.ad.id;
  const hashes = found.ad.images.flatMap((image) => image.dihedral ?? (image.pdq ? [image.pdq] : []));
  if (hashes.length === 0) return [];
  return (await backend.searchImage(hashes, 31, 21)).filter((hit) => hit.id !== adId).slice(0, 20);
}

/** Ads whose text reads like this one's title: the search engine's own ranking, this ad left out. */
async function textNeighbours(backend: ApiBackend, found: FoundAd) {
  const adId = found.ad.id;
  const title = found.ad.ad.title ?? found.ad.ad.body.slice(0, 120);
  if (!title) return [];
  const words = title.replace(/["()]/g, " ").split(/\s+/).filter(Boolean).slice(0, 12).join(" ");
  const result = await backend.searchAds({ text: words, filters: {}, facets: [], from: 0, size: 11 });
  return result.hits.filter((hit) => hit.id !== adId).slice(0, 10);
}

/** Reads the console needs beyond the public search and entity routes: overview, similar ads, photos. */
export function registerConsoleDataRoutes(
  app: FastifyInstance,
  deps: { backend: ApiBackend; insights: InsightBackend; photos: PhotoReader },
): void {
  app.get<{ Params: { id: string } }>(
    "/v1/entities/:id/overview",
    {
      schema: {
        tags: ["entities"],
        summary: "An entity's ads, contacts (counts, first/last seen, generic flag), decisions and lineage",
        params: idParams,
      },
      config: { role: "viewer" },
    },
    async (request) => {
      const overview = await deps.insights.entityOverview(request.params.id);
      if (!overview) throw new NexusError("NEXUS_NOT_FOUND", `no entity ${request.params.id}`);
      return overview;
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/ads/:id/similar",
    {
      schema: { tags: ["ads"], summary: "Ads with near-duplicate photos, and ads with similar text", params: idParams },
      config: { role: "viewer" },
    },
    async (request) => {
      const { id } = request.params;
      const found = await deps.backend.getAd(id);
      if (!found) throw new NexusError("NEXUS_NOT_FOUND", `no ad ${id}`);
      const [photos, text] = await Promise.all([
        photoNeighbours(deps.backend, found),
        textNeighbours(deps.backend, found),
      ]);
      return { photos, text };
    },
  );

  app.get<{ Params: { id: string; index: number }; Querystring: { size?: "thumb" | "full" } }>(
    "/v1/ads/:id/photos/:index",
    {
      schema: {
        tags: ["ads"],
        summary: "One of an ad's photos, served by the API (never hot-linked), re-encoded without metadata",
        params: {
          type: "object",
          required: ["id", "index"],
          properties: { id: idParams.properties.id, index: { type: "integer", minimum: 0, maximum: 49 } },
        },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { size: { type: "string", enum: ["thumb", "full"], default: "thumb" } },
        },
      },
      config: { role: "viewer" },
    },
    async (request, reply) => {
      const { id, index } = request.params;
      const location = await deps.insights.photo(id, index);
      if (!location) throw new NexusError("NEXUS_NOT_FOUND", `ad ${id} has no photo ${index}`);
      const photo = await deps.photos.render(location, PHOTO_SIDES[request.query.size ?? "thumb"]);
      return reply
        .header("content-type", photo.contentType)
        .header("cache-control", "private, max-age=3600")
        .header("x-content-type-options", "nosniff")
        .send(photo.bytes);
    },
  );
}
