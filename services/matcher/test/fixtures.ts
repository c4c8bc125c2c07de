/** An enriched ad with one extracted phone and nothing else. */
export function enriched(id: string, e164: string) {
  return {
    id,
    ad: { id, source: `site-${id}`, body: `ad ${id}` },
    extraction: {
      language: "es",
      phones: [
        { raw: e164, start: 0, end: 1, e164, country: "GT", rule: "ad-country", obfuscations: [], confidence: 1 },
      ],
      emails: [],
      handles: [],
      urls: [],
      ages: [],
      prices: [],
      names: [],
      locations: [],
    },
    images: [],
  };
}
