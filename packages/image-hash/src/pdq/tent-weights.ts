import { decimationIndices, jaroszWindowSize } from "./jarosz.js";

/**
 * For each of the 64 output cells along one axis, the weights the reference's filter gives the
 * decoded pixels: cell k reads `length[k]` pixels from `start[k]`, weights at `weights[k * stride]`.
 */
export interface TentWeights {
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly weights: Float64Array;
  readonly stride: number;
}

const CACHE_LIMIT = 64;
const cache = new Map<string, TentWeights>();

/**
 * The reference's downsampling along one axis as one linear map: two passes of its edge-normalised
 * box filter (window from the source length), read at the 64 cell centres, so each cell is a
 * weighted sum over a tent of about one cell. When the pixels were reduced from a longer source
 * (`decoded < source`), the kernel is laid on the source grid and each decoded pixel takes the part
 * of it its footprint covers, so a reduced decode is filtered as the full-size image would be.
 * Sizes repeat (a site's photos), so results are memoised.
 */
export function tentWeights(decoded: number, source: number): TentWeights {
  const key = `${decoded}:${source}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = computeTentWeights(decoded, source);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, found);
  }
  return found;
}

function computeTentWeights(decoded: number, source: number): TentWeights {
  if (!(decoded >= 1 && source >= decoded)) throw new RangeError(`cannot map ${source} source pixels onto ${decoded}`);
  const window = jaroszWindowSize(source, 64);
  const half = Math.floor((window + 2) / 2);
  // One box pass averages [lo(i), hi(i)]: the reference's running sum, clipped at the edges.
  const lo = (i: number): number => Math.max(0, i - (window - half));
  const hi = (i: number): number => Math.min(source - 1, i + half - 1);
  const scale = source / decoded;
  const cells = Array.from(decimationIndices(source), (centre) => {
    const kernel = boxOfBoxes(centre, lo, hi);
    return onDecodedGrid(kernel, scale, decoded);
  });
  const stride = Math.max(...cells.map((cell) => cell.weights.length));
  const start = new Int32Array(64);
  const length = new Int32Array(64);
  const weights = new Float64Array(64 * stride);
  cells.forEach((cell, k) => {
    start[k] = cell.start;
    length[k] = cell.weights.length;
    weights.set(cell.weights, k * stride);
  });
  return { start, length, weights, stride };
}

interface Kernel {
  readonly first: number;
  readonly values: Float64Array;
}

/** Source-pixel weights of output `centre` after two box passes (a difference array per inner box). */
function boxOfBoxes(centre: number, lo: (i: number) => number, hi: (i: number) => number): Kernel {
  const first = lo(lo(centre));
  const last = hi(hi(centre));
  const steps = new Float64Array(last - first + 2);
  const outer = 1 / (hi(centre) - lo(centre) + 1);
  for (let q = lo(centre); q <= hi(centre); q++) {
    const share = outer / (hi(q) - lo(q) + 1);
    steps[lo(q) - first] = (steps[lo(q) - first] as number) + share;
    steps[hi(q) + 1 - first] = (steps[hi(q) + 1 - first] as number) - share;
  }
  const values = new Float64Array(last - first + 1);
  let running = 0;
  for (let p = 0; p < values.length; p++) {
    running += steps[p] as number;
    values[p] = running;
  }
  return { first, values };
}

/** Each decoded pixel x covers source [x * scale, (x + 1) * scale): it takes the kernel mass there. */
function onDecodedGrid(kernel: Kernel, scale: number, decoded: number): { start: number; weights: Float64Array } {
  const { first, values } = kernel;
  // Mass of the kernel (piecewise constant per source pixel) left of source coordinate t.
  const cumulative = new Float64Array(values.length + 1);
  for (let p = 0; p < values.length; p++) cumulative[p + 1] = (cumulative[p] as number) + (values[p] as number);
  const massBefore = (t: number): number => {
    const u = Math.min(Math.max(t - first, 0), values.length);
    const whole = Math.floor(u);
    return (cumulative[whole] as number) + (whole < values.length ? (u - whole) * (values[whole] as number) : 0);
  };
  const start = Math.floor(first / scale);
  const end = Math.min(decoded - 1, Math.ceil((first + values.length) / scale) - 1);
  const weights = new Float64Array(end - start + 1);
  let total = 0;
  for (let x = start; x <= end; x++) {
    const mass = massBefore((x + 1) * scale) - massBefore(x * scale);
    weights[x - start] = mass;
    total += mass;
  }
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / total;
  return { start, weights };
}
