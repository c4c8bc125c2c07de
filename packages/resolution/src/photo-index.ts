import { createHammingIndex, type HammingIndex } from "@nexus/image-hash";
import type { AdPhoto, AdRecord } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";
import { type PhotoHashes, photoDistance } from "./photo-distance.js";
import type { CandidateSink } from "./state.js";

/** One stored photo of one ad, with the recurrence statistics of its near-duplicates. */
export interface PhotoNode extends PhotoHashes {
  readonly id: number;
  readonly seq: number;
  /** Ads holding this photo or a near-duplicate of it (within photoMaxDistance). */
  readonly ads: Set<number>;
  readonly sources: Set<string>;
  readonly coContacts: Set<string>;
  readonly countries: Set<string>;
  generic: boolean;
  override: "generic" | "specific" | undefined;
}

const SET_CAP = 1000;

function addCapped<T>(set: Set<T>, values: Iterable<T>): void {
  for (const value of values) {
    if (set.size >= SET_CAP) return;
    set.add(value);
  }
}

/**
 * PDQ blocking (Hamming index neighbours) and the generic-photo guard: a photo whose near-duplicates
 * sit on many ads beside many distinct contacts, or in several countries, is a stock photo.
 */
export class PhotoIndex {
  readonly nodes: PhotoNode[] = [];
  private readonly index: HammingIndex<number>;

  constructor(private readonly config: ResolutionConfig) {
    this.index = createHammingIndex<number>({ maxDistance: config.photoMaxDistance });
  }

  /** Registers the ad's photos; fills `candidates` with neighbour ads; returns nodes that became generic. */
  add(record: AdRecord, lookup: (seq: number) => AdRecord, candidates: CandidateSink): PhotoNode[] {
    const flipped: PhotoNode[] = [];
    for (const photo of record.photos) {
      const node = this.newNode(record, photo);
      photo.node = node.id;
      let genericNeighbours = 0;
      for (const id of this.matches(photo)) {
        const other = this.nodes[id];
        if (other === undefined || other.seq === record.seq) continue;
        if (other.generic) genericNeighbours += 1;
        const otherAd = lookup(other.seq);
        node.ads.add(other.seq);
        node.sources.add(otherAd.source);
        addCapped(node.coContacts, otherAd.contacts);
        if (otherAd.country) node.countries.add(otherAd.country);
        other.ads.add(record.seq);
        other.sources.add(record.source);
        if (record.country) other.countries.add(record.country);
        addCapped(other.coContacts, record.contacts);
        if (this.flip(other)) flipped.push(other);
        candidates.add(other.seq);
      }
      if (this.flip(node)) flipped.push(node);
      // Every copy is indexed (so each node's statistics depend on the set of ads, not their order)
      // until a stock photo saturates: past photoMaxAds generic copies, more change nothing.
      if (genericNeighbours < this.config.generic.photoMaxAds) this.insert(node);
    }
    return flipped;
  }

  private insert(node: PhotoNode): void {
    for (const variant of node.variants) this.index.add(variant, node.id);
  }

  /**
   * Stored nodes within the match distance, in either direction over the dihedral variants (both
   * sides' variants are indexed and queried), so the relation is symmetric and a mirrored or
   * rotated re-post meets its original whichever arrived first.
   */
  private matches(photo: PhotoHashes): number[] {
    const ids = new Set<number>();
    for (const variant of photo.variants) {
      for (const match of this.index.query(variant, this.config.photoMaxDistance)) ids.add(match.value);
    }
    return [...ids].filter((id) => {
      const other = this.nodes[id];
      return other !== undefined && photoDistance(photo, other) <= this.config.photoMaxDistance;
    });
  }

  private newNode(record: AdRecord, photo: AdPhoto): PhotoNode {
    const node: PhotoNode = {
      id: this.nodes.length,
      seq: record.seq,
      pdq: photo.pdq,
      variants: photo.variants,
      words: photo.words,
      ads: new Set([record.seq]),
      sources: new Set([record.source]),
      coContacts: new Set(record.contacts),
      countries: new Set(record.country ? [record.country] : []),
      generic: false,
      override: undefined,
    };
    this.nodes.push(node);
    return node;
  }

  private flip(node: PhotoNode): boolean {
    if (node.generic || node.override !== undefined) return false;
    const rule = this.config.generic;
    const many = node.ads.size >= rule.photoMaxAds;
    const spread = node.coContacts.size >= rule.photoMinCoContacts || node.countries.size >= rule.photoMinCountries;
    const unrelated = node.ads.size >= rule.photoMinAds && spread;
    if (!many && !unrelated) return false;
    node.generic = true;
    return true;
  }

  reason(node: PhotoNode): string {
    if (node.override === "generic") return "marked generic by an analyst";
    return `near-duplicates on ${node.ads.size} ads from ${node.countries.size} countries beside ${node.coContacts.size} distinct contacts`;
  }

  node(id: number): PhotoNode | undefined {
    return this.nodes[id];
  }

  /** Nodes stored with exactly this hash (analyst overrides name a photo by its hash). */
  nodesWithHash(pdq: string): PhotoNode[] {
    return this.nodes.filter((node) => node.pdq === pdq);
  }

  /** Re-indexes a node that an analyst declared specific after it had been left out as generic. */
  reindex(node: PhotoNode): void {
    this.insert(node);
  }

  /** Ids of stored nodes that match the node (itself included when indexed). */
  neighbours(node: PhotoNode): number[] {
    return this.matches(node);
  }
}
