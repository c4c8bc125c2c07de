import type { Engine } from "@nexus/embedded-runtime";
import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { extractAd, parseRawAdLine } from "@nexus/pipeline";
import { type Command, writeJsonLine } from "../context.js";
import { assertReadable, readLines } from "../lines.js";
import { engineOptions } from "../options.js";
import { createProgressReporter } from "../progress.js";
import { parseOptions, usageText } from "../spec.js";
import { DEMO } from "../specs.js";
import { buildSuggestions, chooseWatchPhone, type HeldBackAd } from "./demo-suggestions.js";

const USAGE = usageText(DEMO);
const DEFAULT_HOLD_BACK = 40;
const WORDS = ["masajes", "disponible", "available"];

async function countLines(path: string, stdin: Parameters<typeof readLines>[1]): Promise<number> {
  let count = 0;
  for await (const _ of readLines(path, stdin)) count += 1;
  return count;
}

/** The corpus in two parts: the lines before `cut` (imported now) and the rest (held back). */
async function* linesBefore(path: string, stdin: Parameters<typeof readLines>[1], cut: number) {
  let index = 0;
  for await (const line of readLines(path, stdin)) if (index++ < cut) yield line;
}

async function heldBackAds(path: string, stdin: Parameters<typeof readLines>[1], cut: number) {
  const ads: HeldBackAd[] = [];
  let index = 0;
  for await (const line of readLines(path, stdin)) {
    index += 1;
    if (index <= cut || line.trim() === "") continue;
    const parsed = parseRawAdLine(line, index, {});
    if (parsed.ok) ads.push({ id: parsed.ad.id, phones: extractAd(parsed.ad).extraction.phones.map((p) => p.e164) });
  }
  return ads;
}

async function firstWordWithHits(engine: Engine): Promise<string | undefined> {
  for (const word of WORDS) if ((await engine.search({ text: word, size: 1 })).total > 0) return word;
  return undefined;
}

/** Where to look in what was imported: largest networks, generic values, and what to try. */
async function tour(engine: Engine, input: { corpus: string; dataFlag: string; heldBack: HeldBackAd[] }) {
  const networks = [...engine.entities("network")].sort((a, b) => b.adIds.length - a.adIds.length);
  const generics = engine.resolver.generics();
  // Ads imported before (a second demo in one data directory) raise no alert: no watch to suggest.
  const known = await Promise.all(input.heldBack.map(async (ad) => (await engine.ad(ad.id)) !== undefined));
  const heldBack = known.includes(true) ? [] : input.heldBack;
  const genericPhones = new Set(generics.filter((g) => g.kind === "phone").map((g) => g.key.replace(/^phone:/, "")));
  const phones = { knownPhones: new Set(networks.flatMap((network) => network.phones)), genericPhones };
  const watch = chooseWatchPhone({ heldBack, ...phones });
  const top = networks[0];
  const largest = top && {
    id: top.id,
    phone: top.phones.find((phone) => !genericPhones.has(phone)),
    adA: top.adIds[0],
    adB: top.adIds[1],
  };
  const word = await firstWordWithHits(engine);
  const suggestions = buildSuggestions({
    ...input,
    heldBack,
    ...phones,
    ...(watch ? { watch } : {}),
    ...(largest ? { largest } : {}),
    ...(word ? { word } : {}),
  });
  return {
    networks: networks.length,
    personas: engine.entities("persona").length,
    largest: networks.slice(0, 5).map((n) => ({
      id: n.id,
      ads: n.adIds.length,
      personas: n.personaIds?.length ?? 1,
      phones: n.phones.slice(0, 4),
    })),
    generics: generics.slice(0, 5).map(({ kind, key, reason }) => ({ kind, key, reason })),
    ...(watch ? { watch } : {}),
    suggestions,
  };
}

/**
 * `demo` (what `npm start` runs): imports a corpus but its last N ads, then reports the largest
 * networks, the demoted generic values, and commands to try, checked against the data: the phone it
 * suggests watching is on held-back ads, so importing them raises alerts.
 */
export const demoCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, DEMO);
  const corpus = positionals[0];
  if (!corpus || corpus === "-") throw new NexusError("NEXUS_USAGE", `which corpus file?\n${USAGE}`);
  const holdBack = Number(values["hold-back"] ?? DEFAULT_HOLD_BACK);
  if (!Number.isInteger(holdBack) || holdBack < 0)
    throw new NexusError("NEXUS_USAGE", `--hold-back takes a whole number\n${USAGE}`);
  await assertReadable(corpus);
  const options = engineOptions(context, values.data);
  const lines = await countLines(corpus, context.stdin);
  const cut = Math.max(lines - holdBack, 0);
  const engine = await openEngine(options);
  try {
    const reporter = createProgressReporter(context.stderr, context.stderrIsTTY, cut);
    const summary = await engine.ingest(linesBefore(corpus, context.stdin, cut), {
      onProgress: (progress) => reporter.update(progress),
      signal: context.signal,
    });
    reporter.finish();
    const heldBack = await heldBackAds(corpus, context.stdin, cut);
    const dataFlag = values.data ? ` --data ${values.data}` : "";
    const found = await tour(engine, { corpus, dataFlag, heldBack });
    writeJsonLine(context.stdout, { corpus, dataDir: options.dataDir, summary, heldBack: lines - cut, ...found });
    return summary.interrupted ? 130 : 0;
  } finally {
    await engine.close();
  }
};
