import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hammingDistance } from "@nexus/image-hash";
import { describe, expect, it } from "vitest";
import { createImageHasher } from "../src/index.js";

const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/vectors/pdq");
const expected = new Map(
  readFileSync(resolve(VECTORS, "expected/cpp-fullsize.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([hash, , file]) => [file as string, hash as string]),
);
const PHOTO = "reg-test-input/exif-rotn/exif-rotn-1.jpg"; // 4032x3024
const hashWith = (options: Parameters<typeof createImageHasher>[0], file: string) =>
  createImageHasher({ maxPixels: 20_000_000, hashWorkers: 0, ...options }).hashFile(resolve(VECTORS, "data", file));

describe("JPEG shrink-on-load (jpegMinSide)", () => {
  it("hashes a large JPEG decoded at reduced scale close to the reference, reporting its real size", async () => {
    const result = await hashWith({}, PHOTO);
    expect([result.width, result.height]).toEqual([4032, 3024]);
    expect(hammingDistance(result.pdq, expected.get(PHOTO) as string)).toBeLessThanOrEqual(10);
  });

  it('is off with pdqMethod "exact": a full-size decode gives the reference\'s exact hash', async () => {
    expect((await hashWith({ pdqMethod: "exact" }, PHOTO)).pdq).toBe(expected.get(PHOTO));
  });

  it("is off with jpegMinSide 0: the separable method on a full-size decode is within a bit or two", async () => {
    const result = await hashWith({ jpegMinSide: 0 }, PHOTO);
    expect(hammingDistance(result.pdq, expected.get(PHOTO) as string)).toBeLessThanOrEqual(2);
  });

  it('does not apply with pdqMethod "exact", which hashes full-size decodes only', async () => {
    const file = "bridge-mods/aaa-orig.jpg"; // 1600x1004: reduced to 320x200 by the separable default
    expect((await hashWith({ pdqMethod: "exact", jpegMinSide: 200 }, file)).pdq).toBe(expected.get(file));
  });

  it("never touches PNGs: still bit-exact with an aggressive setting", async () => {
    const file = "misc-images/c.png";
    expect((await hashWith({ jpegMinSide: 64 }, file)).pdq).toBe(expected.get(file));
  });

  it("leaves JPEGs under 3 x jpegMinSide at full size", async () => {
    const file = "bridge-mods/aaa-orig.jpg"; // 1600x1004
    expect(await hashWith({ jpegMinSide: 512 }, file)).toEqual(await hashWith({ jpegMinSide: 0 }, file));
  });
});
