/** Index and alias names for one deployment prefix ("nexus" in production, a UUID-suffixed one in tests). */
export interface EsIndexNames {
  /** Read/write alias over the ads index. */
  readonly ads: string;
  /** Read/write alias over the entities index. */
  readonly entities: string;
  /** Concrete indices behind the aliases (versioned so a mapping change is a reindex, not an edit). */
  readonly adsIndex: string;
  readonly entitiesIndex: string;
}

/** The schema version of the mappings in this package; bump it (new indices) on an incompatible change. */
export const MAPPING_VERSION = 1;

/** `nexus` → aliases `nexus-ads`/`nexus-entities` over `nexus-ads-v1`/`nexus-entities-v1`. */
export function esIndexNames(prefix = "nexus"): EsIndexNames {
  return {
    ads: `${prefix}-ads`,
    entities: `${prefix}-entities`,
    adsIndex: `${prefix}-ads-v${MAPPING_VERSION}`,
    entitiesIndex: `${prefix}-entities-v${MAPPING_VERSION}`,
  };
}
