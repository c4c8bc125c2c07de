import { toAdFeatures } from "@nexus/pipeline";
import type { AdResolution, Alert, Watch } from "@nexus/schemas";
import { ContactWatches } from "./contact-watches.js";
import { EntityWatches } from "./entity-watches.js";
import { ImageWatches } from "./image-watches.js";
import { TextWatches } from "./text-watches.js";
import { MIN_PHOTO_QUALITY } from "./types.js";

type Evidence = Alert["evidence"][number];

/** Deterministic: one alert per (watch, ad), so a replay writes the same alert again, never a second one. */
export function alertId(watchId: string, adId: string): string {
  return `${watchId}:${adId}`;
}

export interface EvaluateOptions {
  /** False while rebuilding state from history: entity profiles learn the ad, no alert is raised. */
  readonly raise?: boolean;
}

export interface AlertEvaluator {
  upsertWatch(watch: Watch): void;
  removeWatch(id: string): void;
  watch(id: string): Watch | undefined;
  watches(): Watch[];
  /** Alerts without `raisedAt` (the adapter stamps the time), ordered by watch id. */
  evaluate(resolution: AdResolution, options?: EvaluateOptions): Alert[];
}

class Collector {
  readonly byWatch = new Map<string, Evidence[]>();
  add(watchId: string, evidence: Evidence): void {
    const list = this.byWatch.get(watchId);
    if (list) list.push(evidence);
    else this.byWatch.set(watchId, [evidence]);
  }
}

function adSummary(resolution: AdResolution): NonNullable<Alert["ad"]> {
  const { ad } = resolution.ad;
  return {
    source: ad.source,
    ...(ad.url === undefined ? {} : { url: ad.url }),
    ...(ad.title === undefined ? {} : { title: ad.title }),
    ...(ad.city === undefined ? {} : { city: ad.city }),
    ...(ad.country === undefined ? {} : { country: ad.country }),
    ...(ad.postedAt === undefined ? {} : { postedAt: ad.postedAt }),
  };
}

/**
 * Evaluates every watch against each ad after resolution, in the resolver's order. Contacts are map
 * lookups, photos a multi-index Hamming query, text an inverted index of the watches' rarest terms,
 * entities a walk of merge aliases: the cost of an ad does not grow with the number of watches.
 * Deterministic: the same watches and resolutions in the same order give the same alerts.
 */
export function createAlertEvaluator(): AlertEvaluator {
  const all = new Map<string, Watch>();
  const contacts = new ContactWatches();
  const images = new ImageWatches();
  const texts = new TextWatches();
  const entities = new EntityWatches();
  const remove = (id: string): void => {
    const watch = all.get(id);
    if (!watch) return;
    all.delete(id);
    if (watch.kind === "image") images.remove(id);
    else if (watch.kind === "text") texts.remove(id);
    else if (watch.kind === "entity") entities.remove(id);
    else contacts.remove(watch);
  };
  const matchContent = (resolution: AdResolution, collector: Collector): void => {
    const features = toAdFeatures(resolution.ad);
    for (const phone of features.phones)
      for (const id of contacts.match("phone", phone)) collector.add(id, { kind: "phone", value: phone });
    for (const email of features.emails)
      for (const id of contacts.match("email", email)) collector.add(id, { kind: "email", value: email });
    for (const handle of features.handles)
      for (const id of contacts.match("handle", handle)) collector.add(id, { kind: "handle", value: handle });
    for (const photo of features.photos.filter((p) => p.quality >= MIN_PHOTO_QUALITY)) {
      for (const hit of images.match(photo.pdq))
        collector.add(hit.watchId, { kind: "photo", value: photo.pdq, distance: hit.distance });
    }
    for (const hit of texts.match(features.text)) {
      collector.add(hit.watchId, {
        kind: "text",
        value: hit.terms.join(" "),
        detail: all.get(hit.watchId)?.value ?? "",
      });
    }
  };
  return {
    upsertWatch(watch) {
      remove(watch.id);
      all.set(watch.id, watch);
      if (watch.kind === "image") images.add(watch);
      else if (watch.kind === "text") texts.add(watch);
      else if (watch.kind === "entity") entities.add(watch);
      else contacts.add(watch);
    },
    removeWatch: remove,
    watch: (id) => all.get(id),
    watches: () => [...all.values()],
    evaluate(resolution, options = {}) {
      const features = toAdFeatures(resolution.ad);
      const facts = {
        phones: features.phones,
        ...(features.city ? { city: features.city } : {}),
        ...(features.country ? { country: features.country } : {}),
      };
      const entityHits = entities.evaluate(resolution, facts);
      if (options.raise === false || all.size === 0) return [];
      const collector = new Collector();
      matchContent(resolution, collector);
      for (const [id, evidence] of entityHits) for (const item of evidence) collector.add(id, item);
      return [...collector.byWatch.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([watchId, evidence]) => {
          const watch = all.get(watchId);
          const [first, ...rest] = evidence;
          if (!watch || !first) return [];
          const alert: Alert = {
            id: alertId(watchId, resolution.ad.id),
            watchId,
            watchKind: watch.kind,
            ...(watch.label ? { label: watch.label } : {}),
            adId: resolution.ad.id,
            entityId: resolution.networkId,
            personaId: resolution.personaId,
            evidence: [first, ...rest],
            ad: adSummary(resolution),
            seq: resolution.seq,
          };
          return [alert];
        });
    },
  };
}
