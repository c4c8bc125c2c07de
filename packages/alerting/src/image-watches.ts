import { createHammingIndex, type HammingIndex } from "@nexus/image-hash";
import type { Watch } from "@nexus/schemas";
import { DEFAULT_IMAGE_DISTANCE } from "./types.js";

export interface ImageHit {
  readonly watchId: string;
  readonly distance: number;
}

/**
 * Image watches in a multi-index Hamming index over each watched photo's 8 dihedral hashes, so a
 * mirrored or rotated re-post matches. Removal is lazy (a removed id is skipped); the index is
 * rebuilt once removed entries outnumber live ones.
 */
export class ImageWatches {
  private index: HammingIndex<string> = createHammingIndex();
  private readonly live = new Map<string, Watch>();
  private removed = 0;
  private radius = 0;

  add(watch: Watch): void {
    this.live.set(watch.id, watch);
    for (const hash of watch.hashes ?? [watch.value]) this.index.add(hash, watch.id);
    this.radius = Math.max(this.radius, watch.maxDistance ?? DEFAULT_IMAGE_DISTANCE);
  }

  remove(watchId: string): void {
    if (!this.live.delete(watchId)) return;
    this.removed += 1;
    if (this.removed > this.live.size) this.rebuild();
  }

  /** The closest distance per watch within that watch's own threshold. */
  match(pdq: string): ImageHit[] {
    if (this.live.size === 0) return [];
    const best = new Map<string, number>();
    for (const hit of this.index.query(pdq, this.radius)) {
      const watch = this.live.get(hit.value);
      if (!watch || hit.distance > (watch.maxDistance ?? DEFAULT_IMAGE_DISTANCE)) continue;
      if ((best.get(hit.value) ?? Number.POSITIVE_INFINITY) > hit.distance) best.set(hit.value, hit.distance);
    }
    return [...best].map(([watchId, distance]) => ({ watchId, distance }));
  }

  private rebuild(): void {
    const watches = [...this.live.values()];
    this.index = createHammingIndex();
    this.live.clear();
    this.removed = 0;
    this.radius = 0;
    for (const watch of watches) this.add(watch);
  }
}
