import type { AdRecord } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";

/** Posting list and recurrence statistics of one contact key. */
export interface ContactStat {
  readonly ads: number[];
  readonly sources: Set<string>;
  /** Distinct other contacts seen beside this one: many means many unrelated advertisers. */
  readonly coContacts: Set<string>;
  generic: boolean;
  override: "generic" | "specific" | undefined;
}

// The co-contact set only has to answer "at least N"; capping it keeps a site number cheap.
const CO_CONTACT_CAP = 1000;

/**
 * Blocking on shared contacts plus the generic-value guard for them. Counts only grow, and the rule
 * is monotone in them, so the final generic set depends on the set of ads, not on their order.
 */
export class ContactIndex {
  readonly stats = new Map<string, ContactStat>();

  constructor(private readonly config: ResolutionConfig) {}

  /** Registers the ad; returns the keys that became generic because of it. */
  add(record: AdRecord): string[] {
    const flipped: string[] = [];
    for (const key of record.contacts) {
      let stat = this.stats.get(key);
      if (stat === undefined) {
        stat = { ads: [], sources: new Set(), coContacts: new Set(), generic: false, override: undefined };
        this.stats.set(key, stat);
      }
      stat.ads.push(record.seq);
      stat.sources.add(record.source);
      for (const other of record.contacts) {
        if (other !== key && stat.coContacts.size < CO_CONTACT_CAP) stat.coContacts.add(other);
      }
      if (!stat.generic && stat.override === undefined && this.qualifies(stat)) {
        stat.generic = true;
        flipped.push(key);
      }
    }
    return flipped;
  }

  private qualifies(stat: ContactStat): boolean {
    const rule = this.config.generic;
    if (stat.ads.length >= rule.identifierMaxAds) return true;
    return stat.ads.length >= rule.identifierMinAds && stat.coContacts.size >= rule.identifierMinCoContacts;
  }

  reason(stat: ContactStat): string {
    const rule = this.config.generic;
    if (stat.override === "generic") return "marked generic by an analyst";
    if (stat.ads.length >= rule.identifierMaxAds) return `on ${stat.ads.length} ads (limit ${rule.identifierMaxAds})`;
    return `on ${stat.ads.length} ads beside ${stat.coContacts.size} other distinct contacts (limits ${rule.identifierMinAds}/${rule.identifierMinCoContacts})`;
  }

  isGeneric(key: string): boolean {
    return this.stats.get(key)?.generic ?? false;
  }

  /** Ads sharing a specific (non-generic) contact with the record: the exact-identifier block. */
  candidates(record: AdRecord, into: Set<number>): void {
    for (const key of record.contacts) {
      const stat = this.stats.get(key);
      if (stat === undefined || stat.generic) continue;
      for (const seq of stat.ads) if (seq !== record.seq) into.add(seq);
    }
  }
}
