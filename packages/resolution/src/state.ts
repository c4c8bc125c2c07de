import { type AdRecord, toAdRecord } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";
import { ContactIndex } from "./contact-index.js";
import { EdgeStore } from "./edge-store.js";
import { LayerClusters } from "./layer-clusters.js";
import { PhotoIndex } from "./photo-index.js";
import { PhraseIndex } from "./phrase-index.js";
import type { ScoringContext } from "./scoring.js";
import type { AdFeatures, EdgeUpdate, GenericDemotion, Layer, PairLink, ResolutionUpdate } from "./types.js";

/**
 * What clustering reads and writes: the link graph, both layers, the cannot-links and the ad ids.
 * The whole resolver has it; so does the clusterer of a split deployment, which holds no indexes.
 */
export abstract class ClusterState {
  readonly edges = new EdgeStore();
  readonly persona = new LayerClusters("persona", "per");
  readonly network = new LayerClusters("network", "net");
  readonly cannot: Record<Layer, Map<number, Set<number>>> = { persona: new Map(), network: new Map() };

  abstract adId(seq: number): string;

  adIds(seqs: Iterable<number>): string[] {
    return [...seqs].map((seq) => this.adId(seq)).sort();
  }

  layer(layer: Layer): LayerClusters {
    return layer === "persona" ? this.persona : this.network;
  }

  /** Cannot-links that bind a layer: network ones bind personas too. */
  constraintsFor(layer: Layer): Map<number, Set<number>> {
    const { cannot } = this;
    if (layer === "network" || cannot.persona.size === 0) return cannot.network;
    if (cannot.network.size === 0) return cannot.persona;
    const merged = new Map<number, Set<number>>();
    for (const source of [cannot.persona, cannot.network]) {
      for (const [seq, banned] of source) merged.set(seq, new Set([...(merged.get(seq) ?? []), ...banned]));
    }
    return merged;
  }
}

/**
 * Which pairs this resolver scores, by the position of the pair's later ad. All of them in one
 * process; a share of them in each matcher replica of a split deployment, so every pair is scored
 * by exactly one replica.
 */
export type PairOwnership = (laterSeq: number) => boolean;

/** Where blocking puts the ads a new ad should be scored against. */
export interface CandidateSink {
  add(seq: number): unknown;
}

/** A sink for a replica that does not score the ad: indexes are updated, candidates dropped. */
export const IGNORED: CandidateSink = { add: () => undefined };

/** Everything the resolver remembers. Rebuilt on restart by replaying the same calls in order. */
export class ResolverState extends ClusterState {
  readonly ads: AdRecord[] = [];
  readonly seqOf = new Map<string, number>();
  readonly contacts: ContactIndex;
  readonly photos: PhotoIndex;
  readonly phrases: PhraseIndex;
  readonly demotions = new Map<string, GenericDemotion>();
  /** Photo node id -> the demotion key of its near-duplicate group. */
  readonly photoDemotionKey = new Map<number, string>();
  readonly scoring: ScoringContext;

  constructor(
    readonly config: ResolutionConfig,
    readonly owns: PairOwnership = () => true,
  ) {
    super();
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

  adId(seq: number): string {
    return this.ad(seq).adId;
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
  /** The latest scores of each pair whose link changed, for a matcher to hand on. */
  readonly scored = new Map<number, EdgeUpdate>();
  readonly demotions: GenericDemotion[] = [];

  link(link: PairLink): void {
    this.links.set(`${link.a}\u0000${link.b}`, link);
  }

  empty(): ResolutionUpdate {
    return { links: [], changes: [], resolved: [], demotions: [] };
  }
}
