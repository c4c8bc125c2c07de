/**
 * Procedural "photos": a seeded scene (gradient backdrop, furniture-like blocks, a figure, clutter and
 * sensor noise) rendered by sharp from SVG, so unrelated photos differ in the low frequencies
 * perceptual hashes look at; each ad gets its own re-posted copy with that ad's transform.
 */
import sharp from "sharp";
import type { Rng } from "./rng.js";
import type { Transform } from "./transforms.js";

export interface BasePhoto {
  pixels: Buffer;
  width: number;
  height: number;
}

function colour(rng: Rng, light: [number, number] = [0, 255]): string {
  const channel = (): number => rng.int(light[0], light[1]);
  return `rgb(${channel()},${channel()},${channel()})`;
}

const SKIN = ["rgb(241,194,167)", "rgb(224,172,105)", "rgb(198,134,66)", "rgb(141,85,36)", "rgb(255,219,172)"];

function sceneSvg(rng: Rng, width: number, height: number): string {
  const angle = rng.int(0, 359);
  const parts: string[] = [
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)">` +
      `<stop offset="0" stop-color="${colour(rng)}"/><stop offset="${rng.int(30, 70) / 100}" stop-color="${colour(rng)}"/>` +
      `<stop offset="1" stop-color="${colour(rng)}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#g)"/>`,
  ];
  for (let block = rng.int(1, 4); block > 0; block--) {
    const w = rng.int(width / 5, width);
    const h = rng.int(height / 6, height / 2);
    parts.push(
      `<rect x="${rng.int(-w / 2, width - w / 2)}" y="${rng.int(0, height - h / 2)}" width="${w}" height="${h}" fill="${colour(rng)}" opacity="${rng.int(50, 100) / 100}"/>`,
    );
  }
  const cx = rng.int(width * 0.25, width * 0.75);
  const headY = rng.int(height * 0.15, height * 0.4);
  const head = rng.int(width / 12, width / 7);
  const skin = rng.pick(SKIN);
  parts.push(
    `<ellipse cx="${cx}" cy="${headY + head * 4}" rx="${(head * rng.int(15, 25)) / 10}" ry="${head * 3}" fill="${rng.chance(0.5) ? skin : colour(rng)}"/>`,
    `<circle cx="${cx}" cy="${headY}" r="${head}" fill="${skin}"/>`,
    `<ellipse cx="${cx}" cy="${headY - head * 0.3}" rx="${head * 1.2}" ry="${head * 0.9}" fill="${colour(rng, [0, 90])}" opacity="0.9"/>`,
  );
  for (let blob = rng.int(3, 9); blob > 0; blob--) {
    const r = rng.int(4, width / 6);
    parts.push(
      `<circle cx="${rng.int(0, width)}" cy="${rng.int(0, height)}" r="${r}" fill="${colour(rng)}" opacity="${rng.int(30, 90) / 100}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`;
}

/** Renders one base photo; the same rng state gives the same pixels. */
export async function renderBasePhoto(rng: Rng, longSide: number): Promise<BasePhoto> {
  const aspect = rng.weighted<number>([
    [0.75, 6],
    [1, 2],
    [4 / 3, 2],
  ]);
  const height = aspect <= 1 ? longSide : Math.round(longSide / aspect);
  const width = aspect <= 1 ? Math.round(longSide * aspect) : longSide;
  const { data } = await sharp(Buffer.from(sceneSvg(rng, width, height)))
    .blur(rng.int(5, 15) / 10)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const amplitude = rng.int(4, 14);
  // Sensor noise from an inline LCG seeded by the rng: a third of a million draws per photo made the
  // general-purpose generator the slowest step.
  let state = rng.int(1, 0x7fffffff);
  const clamped = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  for (let index = 0; index < clamped.length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    clamped[index] = (clamped[index] as number) + ((((state >>> 16) & 0xff) * amplitude * 2) >> 8) - amplitude;
  }
  return { pixels: data, width, height };
}

/** Writes the re-posted copy of a base photo with the given transform; returns the file path. */
export async function writeVariant(
  base: BasePhoto,
  transform: Transform,
  pathWithoutExtension: string,
): Promise<string> {
  const [left, top, right, bottom] = transform.crop;
  const x = Math.round(base.width * left);
  const y = Math.round(base.height * top);
  const width = Math.max(16, base.width - x - Math.round(base.width * right));
  const height = Math.max(16, base.height - y - Math.round(base.height * bottom));
  let image = sharp(base.pixels, { raw: { width: base.width, height: base.height, channels: 3 } }).extract({
    left: x,
    top: y,
    width,
    height,
  });
  if (transform.rotate !== 0) image = image.rotate(transform.rotate, { background: { r: 0, g: 0, b: 0 } });
  if (transform.flip) image = image.flop();
  if (transform.scale !== 1) image = image.resize({ width: Math.max(32, Math.round(width * transform.scale)) });
  if (transform.brightness !== 1) image = image.modulate({ brightness: transform.brightness });
  const path = `${pathWithoutExtension}.${transform.format === "png" ? "png" : "jpg"}`;
  await (transform.format === "png" ? image.png() : image.jpeg({ quality: transform.quality })).toFile(path);
  return path;
}
