import { NexusError } from "@nexus/errors";
import { splitPhoneQuery } from "@nexus/pipeline";
import type { SearchQuery } from "@nexus/search-index";
import type { FastifyInstance } from "fastify";
import type { ApiBackend } from "../backend.js";

const FACETS = ["country", "city", "source", "hasPhone"] as const;

interface SearchParams {
  q?: string;
  phone?: string;
  country?: string;
  city?: string;
  source?: string;
  from?: string;
  to?: string;
  hasPhone?: boolean;
  facets?: string;
  offset?: number;
  size?: number;
}

const searchSchema = {
  tags: ["ads"],
  summary: "Full-text and phone search over ads, with filters, facets and stable pagination",
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      q: { type: "string", description: 'words, "quoted phrases", or a phone typed any way' },
      phone: { type: "string", description: "a phone in any format" },
      country: { type: "string", description: "comma-separated ISO alpha-2 codes" },
      city: { type: "string" },
      source: { type: "string" },
      from: { type: "string", format: "date-time" },
      to: { type: "string", format: "date-time" },
      hasPhone: { type: "boolean" },
      facets: { type: "string", description: `comma-separated: ${FACETS.join(", ")}` },
      offset: { type: "integer", minimum: 0, default: 0 },
      size: { type: "integer", minimum: 1, maximum: 200, default: 20 },
    },
  },
} as const;

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function toQuery(params: SearchParams): SearchQuery {
  const countries = list(params.country)?.map((c) => c.toUpperCase());
  const fromText = params.q ? splitPhoneQuery(params.q, countries?.[0]) : {};
  const phone = params.phone ? splitPhoneQuery(params.phone, countries?.[0]).phone : fromText.phone;
  if (params.phone && !phone)
    throw new NexusError("NEXUS_USAGE", `"${params.phone}" is not a phone number Nexus recognises`);
  const facets = (list(params.facets) ?? []).filter((f): f is (typeof FACETS)[number] =>
    (FACETS as readonly string[]).includes(f),
  );
  const cities = list(params.city);
  const sources = list(params.source);
  return {
    ...(fromText.text ? { text: fromText.text } : {}),
    ...(phone ? { phone } : {}),
    filters: {
      ...(countries ? { country: countries } : {}),
      ...(cities ? { city: cities } : {}),
      ...(sources ? { source: sources } : {}),
      ...(params.from ? { from: params.from } : {}),
      ...(params.to ? { to: params.to } : {}),
      ...(params.hasPhone === undefined ? {} : { hasPhone: params.hasPhone }),
    },
    facets,
    from: params.offset ?? 0,
    size: params.size ?? 20,
  };
}

export function registerAdRoutes(app: FastifyInstance, backend: ApiBackend): void {
  app.get<{ Querystring: SearchParams }>(
    "/v1/ads/search",
    { schema: searchSchema, config: { role: "viewer" } },
    (request) => backend.searchAds(toQuery(request.query)),
  );

  app.get<{ Params: { phone: string }; Querystring: { country?: string } }>(
    "/v1/phones/:phone/ads",
    { schema: { tags: ["ads"], summary: "Ads that carry a phone, typed in any format" }, config: { role: "viewer" } },
    (request) => backend.searchAds(toQuery({ phone: request.params.phone, size: 200, ...request.query })),
  );

  app.get<{ Params: { id: string } }>(
    "/v1/ads/:id",
    {
      schema: { tags: ["ads"], summary: "One ad with its extraction, image hashes and entity" },
      config: { role: "viewer" },
    },
    async (request) => {
      const found = await backend.getAd(request.params.id);
      if (!found) throw new NexusError("NEXUS_NOT_FOUND", `no ad ${request.params.id}`);
      return found;
    },
  );

  app.post<{ Body: unknown }>(
    "/v1/ads",
    {
      schema: {
        tags: ["ingest"],
        summary: "Ingest one raw ad or an array of them; each is validated, bad ones reported by index",
      },
      config: { role: "admin" },
    },
    async (request, reply) => {
      const body = request.body;
      const ads = Array.isArray(body) ? body : [body];
      if (ads.length === 0 || ads.length > 10_000)
        throw new NexusError("NEXUS_USAGE", "send 1 to 10,000 ads per request");
      const result = await backend.ingest(ads);
      return reply.status(result.rejected.length === ads.length ? 400 : 202).send(result);
    },
  );
}
