/**
 * How a photo is altered each time it is re-posted: crops, resizes, flips, small rotations,
 * brightness changes and JPEG re-encodes at quality 40-95 (the edits issue 4's PDQ must survive).
 */
import type { Rng } from "./rng.js";

export interface Transform {
  /** Fractions cut from left, top, right, bottom. */
  crop: readonly [number, number, number, number];
  scale: number;
  flip: boolean;
  /** Degrees. */
  rotate: number;
  brightness: number;
  format: "jpeg" | "png";
  quality: number;
}

export interface ImagePlan {
  /** `persona-00012/1` for a persona's photo, `stock/3` for a stock photo. */
  photoId: string;
  transform: Transform;
}

export const IDENTITY: Transform = {
  crop: [0, 0, 0, 0],
  scale: 1,
  flip: false,
  rotate: 0,
  brightness: 1,
  format: "jpeg",
  quality: 85,
};

export function drawTransform(rng: Rng): Transform {
  // A quarter of re-posts are the same upload again.
  if (rng.chance(0.25)) return IDENTITY;
  const cropping = rng.chance(0.5);
  const side = (): number => (cropping ? rng.int(0, 7) / 100 : 0);
  return {
    crop: [side(), side(), side(), side()],
    scale: rng.chance(0.5) ? rng.int(60, 150) / 100 : 1,
    flip: rng.chance(0.2),
    rotate: rng.chance(0.15) ? rng.int(-4, 4) : 0,
    brightness: rng.chance(0.3) ? rng.int(80, 120) / 100 : 1,
    format: rng.chance(0.1) ? "png" : "jpeg",
    quality: rng.int(40, 95),
  };
}
