import { type AdRecord, toAdRecord } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";
import { ContactIndex } from "./contact-index.js";
import { EdgeStore } from "./edge-store.js";
import { LayerClusters } from "./layer-clusters.js";
import { PhotoIndex } from "./photo-index.js";
import { PhraseIndex } from "./phrase-index.js";
import type { ScoringContext } from "./scoring.js";
import type { AdFeatures, GenericDemotion, Layer, PairLink, ResolutionUpdate } from "./types.js";

/** Everything the resolver remembers. Rebuilt on restart by replaying the same calls in order. */
export class ResolverState {
  readonly ads: AdRecord[] = [];
  readonly seqOf = new Map<string, number>();
  readonly contacts: ContactIndex;
  readonly photos: PhotoIndex;
  readonly phrases: PhraseIndex;
  readonly edges = new EdgeStore();
  readonly persona = new LayerClusters("persona", "per");
  readonly network = new LayerClusters("network", "net");
  readonly cannot: Record<Layer, Map<number, Set<number>>> = { persona: new Map(), network: new Map() };
  readonly demotions = new Map<string, GenericDemotion>();
  /** Photo node id -> the demotion key of its near-duplicate group. */
  readonly photoDemotionKey = new Map<number, string>();
  readonly scoring: ScoringContext;

  constructor(readonly config: ResolutionConfig) {
    this.contacts = new ContactIndex(config);
    this.photos = new PhotoIndex(config);
    this.phrases = new PhraseIndex(config);
    const { contacts, photos, phrases } = this;
    this.scoring = {
      config,
      isContactGeneric: (key) => contacts.isGeneric(key),
      isPhotoGeneric: (id) => photos.node(id)?.generic ?? false,
      genericPhrases: phrases.generic,
    };
  }

  add(features: AdFeatures): AdRecord {
    const record = toAdRecord(features, this.ads.length, this.config);
    this.ads.push(record);
    this.seqOf.set(record.adId, record.seq);
    return record;
  }

  ad(seq: number): AdRecord {
    return this.ads[seq] as AdRecord;
  }

  adIds(seqs: Iterable<number>): string[] {
    return [...seqs].map((seq) => this.ad(seq).adId).sort();
  }

  layer(layer: Layer): LayerClusters {
    return layer === "persona" ? this.persona : this.network;
  }

  /** Cannot-links that bind a layer: network ones bind personas too. */
  constraintsFor(layer: Layer): Map<number, Set<number>> {
    if (layer === "network" || this.cannot.persona.size === 0) return this.cannot.network;
    if (this.cannot.network.size === 0) return this.cannot.persona;
    const merged = new Map<number, Set<number>>();
    for (const source of [this.cannot.persona, this.cannot.network]) {
      for (const [seq, banned] of source) merged.set(seq, new Set([...(merged.get(seq) ?? []), ...banned]));
    }
    return merged;
  }
}

/** Accumulates what one call changed. */
export class UpdateBuilder {
  readonly dirty = new Set<number>();
  /** Pairs that gained a link in this call (components can only grow from these). */
  readonly gained: [number, number][] = [];
  /** A link was lost or weakened: components may split, so the slow path must run. */
  lost = false;
  readonly links = new Map<string, PairLink>();
  readonly demotions: GenericDemotion[] = [];

  link(link: PairLink): void {
    this.links.set(`${link.a}\u0000${link.b}`, link);
  }

  empty(): ResolutionUpdate {
    return { links: [], changes: [], resolved: [], demotions: [] };
  }
}
