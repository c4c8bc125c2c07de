import { extractAd } from "@nexus/pipeline";

/** An enriched ad whose text gives one phone, extracted as the pipeline does; no images. */
export function enriched(id: string, e164: string) {
  return { ...extractAd({ id, source: `site-${id}`, body: `ad ${id}, llama al ${e164}`, country: "GT" }), images: [] };
}
