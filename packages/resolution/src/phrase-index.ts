import { countKept, createMinHasher, lshBandKeys, type MinHasher } from "@nexus/text-sim";
import type { AdRecord } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";
import type { CandidateSink } from "./state.js";

const STALE_FRACTION = 0.9;

/** A shingle that became boilerplate, with what the demotion record needs. */
export interface PhraseFlip {
  readonly hash: number;
  readonly text: string;
  readonly ads: readonly number[];
}

/**
 * Text blocking: MinHash-LSH band buckets over each ad's non-boilerplate shingles, plus the
 * boilerplate guard (a shingle on phraseMinAds ads is demoted). A bucket that outgrows bucketCap is
 * dropped from blocking, which bounds per-ad cost; real near-duplicates share many bands, so they
 * still meet in the buckets that stay small.
 */
export class PhraseIndex {
  /** Shingle hash -> the ads holding it (a bare number while it is on one ad, to save memory). */
  private readonly postings = new Map<number, number | number[]>();
  readonly generic = new Set<number>();
  readonly texts = new Map<number, string>();
  readonly specific = new Set<number>();
  private readonly buckets = new Map<string, number[]>();
  private readonly overflowed = new Set<string>();
  private readonly hasher: MinHasher;

  constructor(private readonly config: ResolutionConfig) {
    this.hasher = createMinHasher({ numHashes: config.minhash.numHashes });
  }

  /** Counts the ad's shingles; returns shingles that became boilerplate because of it. */
  count(record: AdRecord): PhraseFlip[] {
    const flips: PhraseFlip[] = [];
    const limit = this.config.generic.phraseMinAds;
    record.shingles.forEach((hash, index) => {
      if (this.generic.has(hash)) return;
      const posting = this.postings.get(hash);
      if (posting === undefined) {
        this.postings.set(hash, record.seq);
        return;
      }
      const ads = typeof posting === "number" ? [posting, record.seq] : posting;
      if (typeof posting !== "number") ads.push(record.seq);
      if (ads.length >= limit && !this.specific.has(hash)) {
        this.postings.delete(hash);
        this.generic.add(hash);
        const text = record.shingleTexts[index] ?? "";
        this.texts.set(hash, text);
        flips.push({ hash, text, ads });
      } else this.postings.set(hash, ads);
    });
    return flips;
  }

  /** Ads currently sharing at least one LSH bucket with the record, after (re)registering it. */
  register(record: AdRecord, candidates: CandidateSink): void {
    this.unregister(record);
    record.registeredShingles = countKept(record.shingles, this.generic);
    if (record.registeredShingles < this.config.textMinShingles) return;
    const { bands, rows, bucketCap } = this.config.minhash;
    record.bandKeys = lshBandKeys(this.hasher.signature(record.shingles, this.generic), bands, rows);
    for (const key of record.bandKeys) {
      if (this.overflowed.has(key)) continue;
      const bucket = this.buckets.get(key);
      if (bucket === undefined) {
        this.buckets.set(key, [record.seq]);
        continue;
      }
      for (const seq of bucket) candidates.add(seq);
      bucket.push(record.seq);
      if (bucket.length > bucketCap) {
        this.overflowed.add(key);
        this.buckets.delete(key);
      }
    }
  }

  private unregister(record: AdRecord): void {
    for (const key of record.bandKeys) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      const at = bucket.indexOf(record.seq);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
    record.bandKeys = [];
  }

  /**
   * Whether demotions since the ad's registration removed enough of its text to move its
   * signature: below a tenth, its near-duplicates still share bands with it.
   */
  isStale(record: AdRecord): boolean {
    if (record.bandKeys.length === 0) return true;
    return countKept(record.shingles, this.generic) < record.registeredShingles * STALE_FRACTION;
  }

  /** Analyst override: the phrase links again. Its ads must be re-registered by the caller. */
  makeSpecific(hash: number): void {
    this.generic.delete(hash);
    this.specific.add(hash);
  }

  /** Analyst override: the phrase stops linking now, whatever its count. */
  makeGeneric(hash: number): void {
    this.postings.delete(hash);
    this.specific.delete(hash);
    this.generic.add(hash);
  }

  stats(): { shingles: number; buckets: number; overflowed: number; generic: number } {
    return {
      shingles: this.postings.size,
      buckets: this.buckets.size,
      overflowed: this.overflowed.size,
      generic: this.generic.size,
    };
  }
}
