import { NexusError } from "@nexus/errors";
import { hashString32 } from "@nexus/text-sim";
import { demoteContact, demotePhoto, demotePhrases, refreshText } from "./generic.js";
import { scoreCandidates } from "./linking.js";
import type { ResolverState, UpdateBuilder } from "./state.js";

type Mode = "generic" | "specific";

function markOverridden(state: ResolverState, key: string, update: UpdateBuilder): void {
  const demotion = state.demotions.get(key);
  if (demotion === undefined) return;
  const overridden = { ...demotion, overridden: true };
  state.demotions.set(key, overridden);
  update.demotions.push(overridden);
}

function overrideContact(state: ResolverState, key: string, mode: Mode, update: UpdateBuilder): void {
  const stat = state.contacts.stats.get(key);
  if (stat === undefined) throw new NexusError("NEXUS_NOT_FOUND", `no ad carries ${key}`, { details: { key } });
  stat.override = mode;
  if (mode === "generic") {
    if (!stat.generic) {
      stat.generic = true;
      demoteContact(state, key, update);
    }
    return;
  }
  stat.generic = false;
  markOverridden(state, key, update);
  // Re-links every pair on the contact: quadratic in its ads, acceptable for a deliberate analyst act.
  for (const seq of stat.ads) scoreCandidates(state, state.ad(seq), stat.ads, update);
}

function overridePhoto(state: ResolverState, key: string, mode: Mode, update: UpdateBuilder): void {
  const pdq = key.slice("photo:".length);
  const grouped = [...state.photoDemotionKey].filter(([, group]) => group === key).map(([id]) => id);
  const nodes = [...new Set([...grouped, ...state.photos.nodesWithHash(pdq).map((node) => node.id)])]
    .map((id) => state.photos.node(id))
    .filter((node) => node !== undefined);
  if (nodes.length === 0) throw new NexusError("NEXUS_NOT_FOUND", `no stored photo for ${key}`, { details: { key } });
  for (const node of nodes) {
    node.override = mode;
    if (mode === "generic") {
      if (!node.generic) {
        node.generic = true;
        demotePhoto(state, node, update);
      }
      continue;
    }
    const wasIndexed = state.photos.neighbours(node).includes(node.id);
    node.generic = false;
    if (!wasIndexed) state.photos.reindex(node);
    const neighbours = state.photos.neighbours(node).map((id) => state.photos.node(id)?.seq ?? node.seq);
    scoreCandidates(state, state.ad(node.seq), neighbours, update);
  }
  if (mode === "specific") markOverridden(state, key, update);
}

function overridePhrase(state: ResolverState, key: string, mode: Mode, update: UpdateBuilder): void {
  const text = key.slice("phrase:".length);
  const hash = hashString32(text);
  // Postings of demoted phrases are dropped to save memory, so the ads are found by scanning.
  const ads = state.ads.filter((ad) => ad.shingles.includes(hash)).map((ad) => ad.seq);
  if (mode === "generic") {
    state.phrases.makeGeneric(hash);
    const last = state.ads[state.ads.length - 1];
    if (last !== undefined && !state.demotions.has(key)) {
      demotePhrases(state, [{ hash, text, ads }], { current: last, byAnalyst: true }, update);
      refreshText(state, [last.seq], update, true);
    }
    return;
  }
  state.phrases.makeSpecific(hash);
  markOverridden(state, key, update);
  refreshText(state, ads, update, true);
}

/** Analyst override of the generic-value guard; the override holds for every later ad. */
export function applyOverride(state: ResolverState, request: { key: string; mode: Mode }, update: UpdateBuilder): void {
  const { key, mode } = request;
  if (key.startsWith("photo:")) overridePhoto(state, key, mode, update);
  else if (key.startsWith("phrase:")) overridePhrase(state, key, mode, update);
  else if (/^(phone|email|handle):/.test(key)) overrideContact(state, key, mode, update);
  else throw new NexusError("NEXUS_USAGE", `not a generic-value key: ${key}`, { details: { key } });
}
