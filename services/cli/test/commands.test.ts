import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { decideCommand } from "../src/commands/decide.js";
import { entitiesCommand } from "../src/commands/entities.js";
import { extractCommand } from "../src/commands/extract.js";
import { genericsCommand } from "../src/commands/generics.js";
import { hashCommand } from "../src/commands/hash.js";
import { ingestCommand } from "../src/commands/ingest.js";
import { searchCommand } from "../src/commands/search.js";
import { whyCommand } from "../src/commands/why.js";
import type { Command, CommandContext } from "../src/context.js";
import { ADS, jsonLines } from "./fixtures.js";

const work = mkdtempSync(join(tmpdir(), "nexus-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(command: Command, args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: "", err: "" };
  stdout.on("data", (c) => {
    chunks.out += String(c);
  });
  stderr.on("data", (c) => {
    chunks.err += String(c);
  });
  const context: CommandContext = {
    args,
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    env: {},
    stderrIsTTY: false,
    signal: new AbortController().signal,
    cwd: work,
  };
  const code = await command(context);
  return { code, ...chunks };
}

const lines = jsonLines;
const ads = ADS;

describe("nexus CLI", () => {
  it("extract --jsonl writes one line per ad with E.164 phones, reporting bad lines on stderr", async () => {
    const input = `${ads.map((ad) => JSON.stringify(ad)).join("\n")}\nnot json\n`;
    const { code, out, err } = await run(extractCommand, ["--jsonl"], input);
    expect(code).toBe(0);
    const rows = lines(out);
    expect(rows.map((row) => row.id)).toEqual(["a1", "a2", "a3"]);
    expect(rows[0].phones.map((p: { e164: string }) => p.e164)).toEqual(["+50255551234"]);
    expect(rows[1].phones.map((p: { e164: string }) => p.e164)).toEqual(["+50255551234"]);
    expect(rows[2].phones.map((p: { e164: string }) => p.e164)).toEqual(["+50761234567"]);
    expect(lines(err)[0]).toMatchObject({ line: 4, error: { code: "NEXUS_INPUT_PARSE" } });
  });

  it("hash prints pdq, quality and 8 dihedral hashes per image, in argument order", async () => {
    const png = join(import.meta.dirname, "../../../test/fixtures/vectors/pdq/data/reg-test-input/pen-and-coaster.png");
    const { out } = await run(hashCommand, [png, join(work, "missing.png")]);
    const [first, second] = lines(out);
    expect(first.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(first.dihedral).toHaveLength(8);
    expect(first.dihedral[0]).toBe(first.pdq);
    expect(typeof first.quality).toBe("number");
    expect(second.error.code).toMatch(/^NEXUS_IMAGE_/);
  });

  it("ingest, entities, search and why work on one data directory", async () => {
    const file = join(work, "ads.jsonl");
    writeFileSync(file, `${ads.map((ad) => JSON.stringify(ad)).join("\n")}\n`);
    const data = join(work, "data");
    expect(lines((await run(ingestCommand, ["--data", data, file])).out)[0]).toMatchObject({ accepted: 3, read: 3 });
    const entities = lines((await run(entitiesCommand, ["--data", data])).out);
    expect(entities.find((e) => e.adIds.includes("a1")).adIds.sort()).toEqual(["a1", "a2"]);
    const byPhone = lines((await run(searchCommand, ["--data", data, "+502 5555 1234"])).out);
    expect(byPhone.map((hit) => hit.id).sort()).toEqual(["a1", "a2"]);
    const byWord = lines((await run(searchCommand, ["--data", data, "masagista"])).out);
    expect(byWord[0].id).toBe("a1");
    const [why] = lines((await run(whyCommand, ["--data", data, "a1", "a2"])).out);
    expect(why).toMatchObject({ joined: true, layer: "network" });
    expect(why.path[0].evidence).toContainEqual(expect.objectContaining({ kind: "phone", value: "+50255551234" }));
    const [apart] = lines((await run(whyCommand, ["--data", data, "a1", "a3"])).out);
    expect(apart).toMatchObject({ joined: false });
    expect(apart.reason).toMatch(/\S/);
  });
});

describe("analyst commands", () => {
  it("decide cannot-link splits two ads and generics lists demotions", async () => {
    const file = join(work, "ads2.jsonl");
    writeFileSync(file, `${ads.map((ad) => JSON.stringify(ad)).join("\n")}\n`);
    const data = join(work, "data2");
    await run(ingestCommand, ["--data", data, file]);
    expect((await run(decideCommand, ["--data", data, "cannot-link", "a1", "a2"])).code).toBe(0);
    expect(lines((await run(whyCommand, ["--data", data, "a1", "a2"])).out)[0]).toMatchObject({ joined: false });
    expect((await run(genericsCommand, ["--data", data])).code).toBe(0);
    await expect(run(decideCommand, ["--data", data, "merge", "a1", "a2"])).rejects.toMatchObject({
      code: "NEXUS_USAGE",
    });
  });
});
