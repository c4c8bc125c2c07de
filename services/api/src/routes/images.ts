import { NexusError } from "@nexus/errors";
import type { FastifyInstance } from "fastify";
import type { ImageHashing } from "../app.js";
import type { ApiBackend } from "../backend.js";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/octet-stream"];

export function registerImageRoutes(app: FastifyInstance, backend: ApiBackend, images: ImageHashing): void {
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post<{ Body: Buffer | { data?: string }; Querystring: { distance?: number; size?: number } }>(
    "/v1/images/search",
    {
      schema: {
        tags: ["images"],
        summary: "Ads with a photo like this one (PDQ within a Hamming distance; flips and rotations included)",
        querystring: {
          type: "object",
          properties: {
            distance: { type: "integer", minimum: 0, maximum: 128, default: 31 },
            size: { type: "integer", minimum: 1, maximum: 200, default: 20 },
          },
        },
      },
      config: { role: "analyst" },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body)
        ? body
        : typeof body?.data === "string"
          ? Buffer.from(body.data, "base64")
          : undefined;
      if (!bytes || bytes.length === 0)
        throw new NexusError("NEXUS_USAGE", 'send the image as the body (image/*) or as {"data": base64}');
      const hashed = await images.hash(bytes);
      const hits = await backend.searchImage(
        hashed.dihedral.length > 0 ? hashed.dihedral : [hashed.pdq],
        request.query.distance ?? 31,
        request.query.size ?? 20,
      );
      return { query: { pdq: hashed.pdq, quality: hashed.quality }, hits };
    },
  );
}
