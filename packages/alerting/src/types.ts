import type { Alert, AlertDelivery, Watch } from "@nexus/schemas";

export type WatchKind = Watch["kind"];
export type EntityTrigger = NonNullable<Watch["triggers"]>[number];

export const WATCH_KINDS: readonly WatchKind[] = ["phone", "email", "handle", "image", "text", "entity"];
export const ENTITY_TRIGGERS: readonly EntityTrigger[] = ["ad", "phone", "location", "merge"];

/** PDQ's own match threshold, and the quality below which a hash says little. */
export const DEFAULT_IMAGE_DISTANCE = 31;
export const MIN_PHOTO_QUALITY = 50;

/**
 * What an analyst asks to watch, before normalisation. For an image the adapter decodes and hashes
 * the photo first and passes its hashes here; the pure core never touches bytes.
 */
export interface WatchRequest {
  readonly kind: WatchKind;
  /** Phone/email/handle in any form, the query text, the entity id; for an image, what was uploaded (path, url). */
  readonly value: string;
  readonly label?: string;
  /** Region to read a phone without country code in (ISO alpha-2). */
  readonly country?: string;
  readonly image?: { readonly pdq: string; readonly quality: number; readonly dihedral: readonly string[] };
  readonly maxDistance?: number;
  readonly triggers?: readonly EntityTrigger[];
  readonly webhook?: { readonly url: string; readonly secret: string };
}

export interface AlertQuery {
  readonly watchId?: string;
  /** Only alerts raised after this stream position. */
  readonly afterSeq?: number;
  readonly limit?: number;
}

/**
 * Watches and alerts as the API and the CLI see them, whichever runtime is behind: the embedded
 * engine, or Kafka topics in a distributed deployment.
 */
export interface AlertService {
  addWatch(request: WatchRequest): Promise<Watch>;
  /** False when there was no such watch. */
  removeWatch(id: string): Promise<boolean>;
  watches(): Promise<Watch[]>;
  watch(id: string): Promise<Watch | undefined>;
  /** Oldest first. */
  alerts(query?: AlertQuery): Promise<Alert[]>;
  /** Every alert raised from now on; returns the unsubscribe function. */
  subscribe(listener: (alert: Alert) => void): () => void;
  deliveries(query?: { readonly watchId?: string }): Promise<AlertDelivery[]>;
}
