import type { DeadLetter, RawAd } from "@nexus/schemas";
import type { Store, StoreOp } from "@nexus/store";
import { canonicalHash } from "./canonical-hash.js";
import { KEYS } from "./keys.js";

export interface StoredRawAd {
  readonly seq: number;
  readonly hash: string;
  readonly ad: RawAd;
}

export type AcceptOutcome = "accepted" | "duplicate" | "updated";

export interface AcceptResult {
  readonly outcomes: AcceptOutcome[];
}

async function readCounter(store: Store, key: string): Promise<number> {
  return (await store.get<number>(key)) ?? 1;
}

/**
 * Makes a batch of raw ads durable (fsync) before anything else happens to them. An ad seen before
 * with the same content is a duplicate and is not logged again; changed content is a new version.
 */
export async function acceptAds(
  store: Store,
  ads: readonly RawAd[],
  deadLetters: readonly DeadLetter[],
): Promise<AcceptResult> {
  const existing = await store.getMany<StoredRawAd>(ads.map((ad) => KEYS.raw(ad.id)));
  const known = new Map<string, StoredRawAd | undefined>(ads.map((ad, i) => [ad.id, existing[i]]));
  let nextSeq = await readCounter(store, KEYS.nextSeq);
  let nextDeadLetter = await readCounter(store, KEYS.nextDeadLetter);
  const ops: StoreOp[] = [];
  const outcomes = ads.map((ad): AcceptOutcome => {
    const hash = canonicalHash(ad);
    const previous = known.get(ad.id);
    if (previous?.hash === hash) return "duplicate";
    const stored: StoredRawAd = { seq: nextSeq, hash, ad };
    known.set(ad.id, stored);
    ops.push(
      { type: "put", key: KEYS.raw(ad.id), value: stored },
      { type: "put", key: KEYS.seq(nextSeq), value: ad.id },
    );
    nextSeq += 1;
    return previous ? "updated" : "accepted";
  });
  for (const letter of deadLetters) {
    ops.push({ type: "put", key: KEYS.deadLetter(nextDeadLetter), value: letter });
    nextDeadLetter += 1;
  }
  ops.push(
    { type: "put", key: KEYS.nextSeq, value: nextSeq },
    { type: "put", key: KEYS.nextDeadLetter, value: nextDeadLetter },
  );
  await store.write(ops, { sync: true });
  return { outcomes };
}
