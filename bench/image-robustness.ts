/**
 * PDQ robustness on generated photos: the share of edited copies still matching their original at
 * Hamming distance <= 31, directly and against the original's 8 dihedral hashes, and the share of
 * unrelated pairs that falsely match. Run: npx tsx --conditions=nexus-source bench/image-robustness.ts [photos]
 */
import { hammingDistance, PDQ_MATCH_THRESHOLD } from "@nexus/image-hash";
import { createImageHasher, type ImageHashResult } from "@nexus/image-input";
import sharp from "sharp";
import { createRng } from "../test/corpus/rng.js";

const PHOTOS = Number(process.argv[2] ?? 60);
const W = 800;
const H = 600;

/** The corpus generator's seeded mulberry32: same seed, same numbers. */
const rng = (seed: number): (() => number) => createRng(seed).next;

/** A photo-like scene: gradient sky/floor, overlapping blurred shapes, a "person" silhouette, noise. */
async function photo(seed: number): Promise<Buffer> {
  const r = rng(seed);
  const colour = () => `rgb(${Math.floor(r() * 256)},${Math.floor(r() * 256)},${Math.floor(r() * 256)})`;
  const shapes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const [x, y, a, b] = [r() * W, r() * H, 30 + r() * 220, 30 + r() * 160];
    shapes.push(
      r() < 0.5
        ? `<ellipse cx="${x}" cy="${y}" rx="${a}" ry="${b}" fill="${colour()}" opacity="${0.5 + r() * 0.5}"/>`
        : `<rect x="${x - a / 2}" y="${y - b / 2}" width="${a}" height="${b}" fill="${colour()}" opacity="${0.5 + r() * 0.5}" transform="rotate(${r() * 60 - 30} ${x} ${y})"/>`,
    );
  }
  const px = 200 + r() * 400;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="${r()}" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient>
    <filter id="b"><feGaussianBlur stdDeviation="${1 + r() * 4}"/></filter></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><g filter="url(#b)">${shapes.join("")}</g>
    <ellipse cx="${px}" cy="${H * 0.3}" rx="45" ry="55" fill="${colour()}"/><rect x="${px - 70}" y="${H * 0.4}" width="140" height="${H * 0.6}" rx="40" fill="${colour()}"/>
  </svg>`;
  const noise = Buffer.from(Array.from({ length: W * H * 3 }, () => Math.floor(r() * 40)));
  const base = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.min(255, (base[i] as number) + (noise[i] as number) - 20);
  return sharp(base, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

const watermark = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="40" y="${H * 0.75}" font-size="64" font-family="sans-serif" fill="white" fill-opacity="0.7" stroke="black" stroke-width="2">WhatsApp +502 5555 1234</text><text x="${W - 260}" y="40" font-size="28" fill="yellow">escortsgt.example</text></svg>`,
);

function crop(p: number) {
  return (img: sharp.Sharp) =>
    img.extract({
      left: Math.round(W * p * 0.6),
      top: Math.round(H * p * 0.4),
      width: Math.round(W * (1 - p)),
      height: Math.round(H * (1 - p)),
    });
}
const EDITS: Record<string, (img: sharp.Sharp) => sharp.Sharp> = {
  "re-encode q95": (i) => i.jpeg({ quality: 95 }),
  "re-encode q80": (i) => i.jpeg({ quality: 80 }),
  "re-encode q60": (i) => i.jpeg({ quality: 60 }),
  "re-encode q40": (i) => i.jpeg({ quality: 40 }),
  "resize 0.3x": (i) => i.resize(Math.round(W * 0.3)).jpeg({ quality: 85 }),
  "resize 0.5x": (i) => i.resize(Math.round(W * 0.5)).jpeg({ quality: 85 }),
  "resize 2x": (i) => i.resize(W * 2).jpeg({ quality: 85 }),
  "crop 2%": crop(0.02),
  "crop 5%": crop(0.05),
  "crop 10%": crop(0.1),
  "crop 15%": crop(0.15),
  "brightness +25%": (i) => i.modulate({ brightness: 1.25 }),
  "brightness -25%": (i) => i.modulate({ brightness: 0.75 }),
  "contrast x1.3": (i) => i.linear(1.3, -0.3 * 128),
  "watermark text": (i) => i.composite([{ input: watermark }]),
  "flip horizontal": (i) => i.flop(),
  "flip vertical": (i) => i.flip(),
  "rotate 90": (i) => i.rotate(90),
  "rotate 180": (i) => i.rotate(180),
  "rotate 5 deg": (i) => i.rotate(5),
};

const hasher = createImageHasher({ cacheSize: 0 });
const hashOf = async (bytes: Buffer): Promise<ImageHashResult> => hasher.hash({ data: bytes.toString("base64") });
const minDihedral = (query: string, of: ImageHashResult) =>
  Math.min(...of.dihedral.map((h) => hammingDistance(query, h)));

const originals: ImageHashResult[] = [];
const rows: Record<string, { direct: number[]; dihedral: number[] }> = {};
for (let seed = 1; seed <= PHOTOS; seed++) {
  const bytes = await photo(seed);
  const original = await hashOf(bytes);
  originals.push(original);
  for (const [name, edit] of Object.entries(EDITS)) {
    const edited = await hashOf(await edit(sharp(bytes)).jpeg({ quality: 90 }).toBuffer());
    rows[name] ??= { direct: [], dihedral: [] };
    const row = rows[name];
    row.direct.push(hammingDistance(edited.pdq, original.pdq));
    row.dihedral.push(minDihedral(edited.pdq, original));
  }
}

const rate = (xs: number[]) => `${((100 * xs.filter((d) => d <= PDQ_MATCH_THRESHOLD).length) / xs.length).toFixed(1)}%`;
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${PHOTOS} generated ${W}x${H} photos; match = distance <= ${PDQ_MATCH_THRESHOLD}`);
console.log(
  `quality of originals: min ${Math.min(...originals.map((o) => o.quality))}, all >= 50: ${originals.every((o) => o.quality >= 50)}`,
);
console.log("| edit | match rate (direct) | match rate (vs 8 dihedral) | median distance (direct / dihedral) |");
console.log("|---|---|---|---|");
for (const [name, row] of Object.entries(rows)) {
  console.log(`| ${name} | ${rate(row.direct)} | ${rate(row.dihedral)} | ${med(row.direct)} / ${med(row.dihedral)} |`);
}
const pairsDirect: number[] = [];
const pairsDihedral: number[] = [];
for (let i = 0; i < originals.length; i++) {
  for (let j = i + 1; j < originals.length; j++) {
    const a = originals[i] as ImageHashResult;
    const b = originals[j] as ImageHashResult;
    pairsDirect.push(hammingDistance(a.pdq, b.pdq));
    pairsDihedral.push(minDihedral(b.pdq, a));
  }
}
console.log(
  `\nunrelated pairs: ${pairsDirect.length}; false-match rate direct ${rate(pairsDirect)}, vs 8 dihedral ${rate(pairsDihedral)}; ` +
    `min distance direct ${Math.min(...pairsDirect)}, dihedral ${Math.min(...pairsDihedral)}; median direct ${med(pairsDirect)}`,
);
