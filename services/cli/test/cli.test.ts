import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";
import { COMMANDS } from "../src/registry.js";
import { ADS, jsonLines } from "./fixtures.js";

const work = mkdtempSync(join(tmpdir(), "nexus-cli-main-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunOptions {
  readonly tty?: boolean;
  readonly env?: Record<string, string>;
}

/** `nexus ...args` with in-memory streams; `tty` makes stdout look like a terminal. */
async function nexus(args: string[], options: RunOptions = {}) {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty ?? false, columns: 120 });
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += String(chunk);
  });
  stderr.on("data", (chunk) => {
    err += String(chunk);
  });
  const code = await runCli({
    argv: args,
    stdin: Readable.from([""]),
    stdout,
    stderr,
    env: options.env ?? {},
    signal: new AbortController().signal,
    cwd: work,
  });
  return { code, out, err };
}

const ESC = "\u001b[";

describe("help", () => {
  it.each([[], ["--help"], ["-h"], ["help"]])("nexus %s lists every command", async (...args) => {
    const { code, out } = await nexus(args);
    expect(code).toBe(0);
    for (const name of COMMANDS.keys()) expect(out).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it.each([...COMMANDS.keys()])("nexus %s --help shows its usage, every option and its output", async (name) => {
    const spec = COMMANDS.get(name)?.spec;
    for (const args of [
      [name, "--help"],
      [name, "-h"],
      ["help", name],
    ]) {
      const { code, out } = await nexus(args);
      expect(code).toBe(0);
      expect(out.startsWith(`nexus ${name} — `)).toBe(true);
      for (const line of spec?.usage ?? []) expect(out).toContain(line);
      for (const option of [...Object.keys(spec?.options ?? {}), "json", "help"]) expect(out).toContain(`--${option}`);
      expect(out).toContain("Output (JSON");
    }
  });

  it("refuses an unknown command with exit 2, a guess and where to look", async () => {
    const { code, err } = await nexus(["serch", "x"]);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "serch"');
    expect(err).toContain("did you mean search");
    expect((await nexus(["help", "nope"])).code).toBe(2);
  });

  it("reports bad usage with exit 2 and the command's usage", async () => {
    const { code, err } = await nexus(["entities", "--bogus"]);
    expect(code).toBe(2);
    expect(err).toContain("NEXUS_USAGE");
    expect(err).toContain("--bogus");
    expect(err).toContain("nexus entities [--data DIR]");
  });
});

describe("output: a table on a terminal, JSON lines in a pipe or with --json", () => {
  const data = join(work, "data");

  beforeAll(async () => {
    const file = join(work, "ads.jsonl");
    writeFileSync(file, `${ADS.map((ad) => JSON.stringify(ad)).join("\n")}\n`);
    const ingest = await nexus(["ingest", "--data", data, file], { tty: true, env: { NO_COLOR: "1" } });
    expect(ingest.code).toBe(0);
    expect(ingest.out).toContain("done: 3 ads read");
    expect(ingest.out).toContain("accepted 3, updated 0, already known 0, rejected 0");
  });

  it("prints entities as JSON lines when stdout is not a terminal", async () => {
    const { code, out } = await nexus(["entities", "--data", data]);
    expect(code).toBe(0);
    const entities = jsonLines(out);
    expect(entities.map((e) => e.adIds.length).sort()).toEqual([1, 2]);
    expect(Object.keys(entities[0]).sort()).toEqual(
      ["adIds", "aliases", "emails", "handles", "id", "layer", "personaIds", "phones"].sort(),
    );
  });

  it("prints the same JSON lines on a terminal with --json", async () => {
    const piped = await nexus(["entities", "--data", data]);
    const asked = await nexus(["entities", "--json", "--data", data], { tty: true });
    expect(asked.out).toBe(piped.out);
  });

  it("prints a coloured table on a terminal, and no colour with NO_COLOR", async () => {
    const coloured = await nexus(["entities", "--data", data], { tty: true });
    expect(coloured.out).toContain(ESC);
    const plain = await nexus(["entities", "--data", data], { tty: true, env: { NO_COLOR: "1" } });
    expect(plain.out).not.toContain(ESC);
    const [header, ...rows] = plain.out.trimEnd().split("\n");
    expect(header?.split(/\s{2,}/)).toEqual(["ENTITY", "ADS", "PERSONAS", "PHONES", "EMAILS / HANDLES"]);
    expect(rows.some((row) => /^net-\S+\s+2\s+\d\s+\+50255551234$/.test(row))).toBe(true);
    expect(rows.at(-1)).toBe("2 entities");
  });

  it("explains a link in words on a terminal", async () => {
    const { out } = await nexus(["why", "--data", data, "a1", "a2"], { tty: true, env: { NO_COLOR: "1" } });
    expect(out).toContain("a1 and a2 are in one network: 1 link");
    expect(out).toMatch(/\+12\.00 {2}phone \+50255551234/);
    const apart = await nexus(["why", "--data", data, "a1", "a3"], { tty: true, env: { NO_COLOR: "1" } });
    expect(apart.out).toContain("a1 and a3 are not joined");
  });

  it("says so when there is nothing to show", async () => {
    const { out } = await nexus(["alerts", "--data", data], { tty: true, env: { NO_COLOR: "1" } });
    expect(out).toBe("(no alerts)\n");
    expect((await nexus(["alerts", "--data", data])).out).toBe("");
  });
});
