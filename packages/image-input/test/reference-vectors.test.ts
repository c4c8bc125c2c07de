import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hammingDistance } from "@nexus/image-hash";
import { describe, expect, it } from "vitest";
import { createImageHasher } from "../src/index.js";

// Meta's reference vectors (test/fixtures/vectors/pdq, with their licence); never edited, read as they are.
const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/vectors/pdq");

interface Row {
  file: string;
  hashes: string[];
  quality: number;
}

function readCsv(name: string, hashColumns: number): Row[] {
  const lines = readFileSync(resolve(VECTORS, "expected", name), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  return lines
    .map((line) => line.split(","))
    .map((cells) => ({
      hashes: cells.slice(0, hashColumns),
      quality: Number(cells[hashColumns]),
      file: cells[hashColumns + 1] as string,
    }))
    .filter((row) => existsSync(resolve(VECTORS, "data", row.file)));
}

const hasher = createImageHasher({ maxPixels: 20_000_000 });
const hashVector = (file: string) => hasher.hashFile(resolve(VECTORS, "data", file));
const isPng = (file: string) => file.endsWith(".png");

describe("PDQ against Meta's reference (expected/cpp-fullsize.csv)", () => {
  const rows = readCsv("cpp-fullsize.csv", 1);

  it("covers the PNG and JPEG vectors", () => {
    expect(rows.filter((row) => isPng(row.file)).length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((row) => !isPng(row.file)).length).toBeGreaterThanOrEqual(30);
  });

  it.each(rows.filter((row) => isPng(row.file)))("PNG $file is bit-exact", async (row) => {
    const result = await hashVector(row.file);
    expect(result.pdq).toBe(row.hashes[0]);
    expect(result.quality).toBe(row.quality);
  });

  it.each(rows.filter((row) => !isPng(row.file)))("JPEG $file is within distance 10 (quality >= 80)", async (row) => {
    const result = await hashVector(row.file);
    if (row.quality >= 80) expect(hammingDistance(result.pdq, row.hashes[0] as string)).toBeLessThanOrEqual(10);
    expect(Math.abs(result.quality - row.quality)).toBeLessThanOrEqual(2);
  });

  it("stays within 2 bits of the reference on average over the JPEGs of quality >= 80", async () => {
    const jpegs = rows.filter((row) => !isPng(row.file) && row.quality >= 80);
    const distances = await Promise.all(
      jpegs.map(async (row) => hammingDistance((await hashVector(row.file)).pdq, row.hashes[0] as string)),
    );
    expect(distances.reduce((sum, d) => sum + d, 0) / distances.length).toBeLessThanOrEqual(2);
  });

  it("reports the low-quality images as such", async () => {
    for (const file of ["reg-test-input/labelme-subset/q0003.jpg", "misc-images/small.jpg"]) {
      expect((await hashVector(file)).quality).toBeLessThan(50);
    }
  });
});

describe('pdqMethod "exact" (the reference\'s arithmetic on full-size decodes)', () => {
  const rows = readCsv("cpp-fullsize.csv", 1).filter((row) => row.quality >= 80);
  const exact = createImageHasher({ maxPixels: 20_000_000, pdqMethod: "exact" });

  it("is bit-exact on every PNG and within a bit on average over the JPEGs", async () => {
    const distances = await Promise.all(
      rows.map(async (row) => {
        const result = await exact.hashFile(resolve(VECTORS, "data", row.file));
        return { png: isPng(row.file), distance: hammingDistance(result.pdq, row.hashes[0] as string) };
      }),
    );
    expect(distances.filter((d) => d.png).map((d) => d.distance)).toEqual([0, 0, 0, 0, 0, 0]);
    const jpegs = distances.filter((d) => !d.png).map((d) => d.distance);
    expect(Math.max(...jpegs)).toBeLessThanOrEqual(10);
    expect(jpegs.reduce((sum, d) => sum + d, 0) / jpegs.length).toBeLessThanOrEqual(0.5);
  });
});

describe("dihedral variants against expected/cpp-fullsize-dih.csv", () => {
  const rows = readCsv("cpp-fullsize-dih.csv", 8);

  it.each(rows)("$file: the 8 variants in the reference's order", async (row) => {
    const result = await hashVector(row.file);
    expect(result.dihedral).toHaveLength(8);
    expect(result.dihedral[0]).toBe(result.pdq);
    const distances = result.dihedral.map((hash, i) => hammingDistance(hash, row.hashes[i] as string));
    if (isPng(row.file)) expect(distances).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    else if (row.quality >= 80) expect(Math.max(...distances)).toBeLessThanOrEqual(12);
  });

  it("a rotated file's hash matches the original's rotated variant", async () => {
    const original = await hashVector("reg-test-input/dih/bridge-1-original.jpg");
    const rotated = await hashVector("reg-test-input/dih/bridge-2-rotate-90.jpg");
    expect(hammingDistance(original.pdq, rotated.pdq)).toBeGreaterThan(31);
    expect(hammingDistance(original.dihedral[1] as string, rotated.pdq)).toBeLessThanOrEqual(10);
  });
});
