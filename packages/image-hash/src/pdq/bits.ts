/**
 * Thresholds a 16x16 DCT block at its median into the reference's hex layout: bit k = 16 i + j is
 * set when B[i][j] is strictly greater than the median (the 128th smallest value, as Torben's
 * method returns); words are printed row 15 first, 4 hex digits each.
 */
export function dct16ToHex(block: Float32Array): string {
  const median = Float32Array.from(block).sort()[127] as number;
  let hex = "";
  for (let i = 15; i >= 0; i--) {
    let word = 0;
    for (let j = 0; j < 16; j++) if ((block[i * 16 + j] as number) > median) word |= 1 << j;
    hex += word.toString(16).padStart(4, "0");
  }
  return hex;
}

/** The 8 dihedral transforms in the reference's order, as (sign, transpose) rules on the DCT block. */
export const DIHEDRAL_NAMES = [
  "original",
  "rotate90",
  "rotate180",
  "rotate270",
  "flipX",
  "flipY",
  "flipPlus1",
  "flipMinus1",
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

// Mirroring an image negates the odd-frequency DCT rows (or columns); a transpose swaps the axes.
// So every rotation/flip is a sign pattern plus an optional transpose of the coefficients.
const RULES: Record<DihedralName, { transpose: boolean; negate: (i: number, j: number) => boolean }> = {
  original: { transpose: false, negate: () => false },
  rotate90: { transpose: true, negate: (_i, j) => (j & 1) === 0 },
  rotate180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1 },
  rotate270: { transpose: true, negate: (i) => (i & 1) === 0 },
  flipX: { transpose: false, negate: (i) => (i & 1) === 0 },
  flipY: { transpose: false, negate: (_i, j) => (j & 1) === 0 },
  flipPlus1: { transpose: true, negate: () => false },
  flipMinus1: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1 },
};

/** The DCT block of the transformed image, derived from the original's without re-hashing pixels. */
export function transformDct16(block: Float32Array, name: DihedralName): Float32Array {
  const rule = RULES[name];
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const value = block[i * 16 + j] as number;
      out[rule.transpose ? j * 16 + i : i * 16 + j] = rule.negate(i, j) ? -value : value;
    }
  }
  return out;
}
