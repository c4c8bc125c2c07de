/**
 * Every command's name, options, help and output contract, as data. The command line reads this to
 * print help and to parse arguments without loading a command's code; each command parses its
 * arguments with its own entry here.
 */
import { DATA_OPTION, defineCommand } from "./spec.js";

const KAFKA_OPTIONS = {
  kafka: { type: "boolean", help: "use a distributed deployment's topics (KAFKA_BROKERS) instead of --data" },
  brokers: { type: "string", value: "B", help: "Kafka bootstrap brokers host:port,… (implies --kafka)" },
} as const;

export const EXTRACT = defineCommand({
  name: "extract",
  group: "tools",
  summary: "contacts and attributes found in raw ads (JSON lines on stdin)",
  usage: ["nexus extract --jsonl [--strict] < ads.jsonl"],
  description:
    "Reads raw ads, one JSON object per line, on stdin and finds their phones (obfuscation-aware), emails, handles, URLs, names, ages, prices and places. A bad line is reported on stderr with its line number and the run goes on.",
  options: {
    jsonl: { type: "boolean", help: "input is JSON lines (required)" },
    strict: { type: "boolean", help: "exit 1 if any line was rejected" },
  },
  output:
    'one line per ad: {"id", "language", "phones": [{"e164", "raw", "start", "end", "country", "rule", "obfuscations", "confidence"}], "emails", "handles", "urls", "ages", "prices", "names", "locations"}',
  examples: ["head -3 data/demo-corpus/ads.jsonl | nexus extract --jsonl"],
});

export const INGEST = defineCommand({
  name: "ingest",
  group: "analyse",
  summary: "import raw ads through the whole pipeline into the data directory",
  usage: ["nexus ingest [--data DIR] [--source NAME] FILE.jsonl|-"],
  description:
    'Imports raw ads (JSON lines; "-" reads stdin): extraction, image hashing, matching, resolution, alerts. Importing the same file twice changes nothing. Shows progress on a terminal; Ctrl-C finishes the current batch and loses nothing accepted.',
  options: {
    ...DATA_OPTION,
    source: { type: "string", value: "NAME", help: "source of ads that name none" },
  },
  output:
    'one line: {"dataDir", "read", "accepted", "updated", "duplicates", "rejected", "processed", "failed", "imageErrors", "indexErrors", "interrupted", "entities", "personas", "rejections": [{"line", "code", "message"}]}',
  examples: ["nexus ingest data/demo-corpus/ads.jsonl", "tail -n 40 ads.jsonl | nexus ingest -"],
});

export const ENTITIES = defineCommand({
  name: "entities",
  group: "analyse",
  summary: "the entities found: networks (default) or personas",
  usage: ["nexus entities [--data DIR] [--layer network|persona]"],
  description:
    "A persona is one advertised person; a network is personas tied together by a controller's shared contacts.",
  options: {
    ...DATA_OPTION,
    layer: { type: "string", value: "LAYER", help: "network (default) or persona" },
  },
  output:
    'one line per entity, by id: {"id", "layer", "adIds", "aliases", "phones", "emails", "handles", "personaIds"}',
  examples: ["nexus entities --layer persona", "nexus entities --json | head -1"],
});

export const SEARCH = defineCommand({
  name: "search",
  group: "analyse",
  summary: "full-text and phone search over every ad, best first",
  usage: ["nexus search [--data DIR] [--country CC] [--city C] [--source S] [--limit N] [--from N] QUERY"],
  description:
    'Words and "phrases" are analysed as Spanish and English (accents, stems, emoji digits); a phone typed in any format is looked up as a phone.',
  options: {
    ...DATA_OPTION,
    country: {
      type: "string",
      value: "CC",
      help: "only ads from this country (ISO code); also the default country of a local phone",
    },
    city: { type: "string", value: "C", help: "only ads from this city" },
    source: { type: "string", value: "S", help: "only ads from this source" },
    limit: { type: "string", value: "N", help: "at most N results (default 20)" },
    from: { type: "string", value: "N", help: "skip the first N results" },
  },
  output:
    'one line per ad: {"id", "score", "entityId", "title", "url", "country", "city", "highlights"}; the number of matches on stderr',
  examples: ['nexus search "+502 5555 1234"', "nexus search masajes --country CO --limit 5"],
});

export const WHY = defineCommand({
  name: "why",
  group: "analyse",
  summary: "the chain of links, with evidence, that joins two ads, or why not",
  usage: ["nexus why [--data DIR] AD_A AD_B"],
  description:
    "Each link between two ads carries its evidence (shared phone, photo, text…) and the points each piece adds; ads are joined when a link scores at least the threshold (see README, What the scores mean).",
  options: { ...DATA_OPTION },
  output:
    'one line: {"joined", "layer", "reason", "path": [{"a", "b", "score", "evidence": [{"kind", "value", "weight", "detail"}]}]}',
  examples: ["nexus why AD_A AD_B"],
});

export const DECIDE = defineCommand({
  name: "decide",
  group: "analyse",
  summary: "an analyst's must-link or cannot-link between ads or entities",
  usage: ["nexus decide [--data DIR] [--by NAME] [--note TEXT] must-link|cannot-link A B"],
  description: "The decision is stored and holds for every later resolution.",
  options: {
    ...DATA_OPTION,
    by: { type: "string", value: "NAME", help: "who decided" },
    note: { type: "string", value: "TEXT", help: "why" },
  },
  output: 'one line per entity change: {"type", "layer", "entityId", "adIds", "mergedFrom", "splitInto", "reason"}',
});

export const GENERICS = defineCommand({
  name: "generics",
  group: "analyse",
  summary: "values kept from linking (site numbers, stock photos, boilerplate)",
  usage: ["nexus generics [--data DIR]", "nexus generics [--data DIR] --set generic|specific KEY"],
  description:
    "A phone, photo or phrase seen across too many otherwise unrelated ads is demoted from linking, with the reason. --set overrides the automatic decision for one key (kept).",
  options: {
    ...DATA_OPTION,
    set: { type: "string", value: "generic|specific", help: "override the decision for KEY" },
  },
  output:
    'one line per demoted value: {"key", "kind", "reason", "distinctAds", "distinctSources", "overridden"}; with --set, the entity changes',
});

export const HASH = defineCommand({
  name: "hash",
  group: "tools",
  summary: "PDQ hash, quality and the 8 dihedral hashes of images",
  usage: ["nexus hash IMAGE_PATH..."],
  description:
    "Hashes each image as ingest does. Two photos within Hamming distance 31 (of 256 bits) are near-duplicates; quality under 50 means too flat to trust.",
  options: {},
  output:
    'one line per image, in argument order: {"path", "pdq", "quality", "dihedral", "width", "height", "sha256"} or {"path", "error": {"code", "message"}}',
});

export const DEMO = defineCommand({
  name: "demo",
  group: "tools",
  summary: "import a corpus and show where to look (what npm start runs)",
  usage: ["nexus demo [--data DIR] [--hold-back N] CORPUS.jsonl"],
  description:
    "Imports all but the last N ads of a corpus (default 40) and prints the largest networks, the generic values, and commands to try with real ids; the held-back ads, ingested afterwards, raise the alerts of the watch it suggests.",
  options: {
    ...DATA_OPTION,
    "hold-back": { type: "string", value: "N", help: "ads at the end of the corpus left for later (default 40)" },
  },
  output:
    'one line: {"corpus", "dataDir", "summary", "networks", "personas", "largest", "generics", "watch": {"phone", "ads"}, "suggestions": [{"command", "expect"}]}',
  examples: ["nexus demo data/demo-corpus/ads.jsonl"],
});

export const PRODUCE = defineCommand({
  name: "produce",
  group: "tools",
  summary: "validate raw ads and publish them to Kafka (nexus.ads.raw.v1)",
  usage: ["nexus produce [--brokers HOST:PORT,...] [--source NAME] FILE.jsonl|-"],
  description:
    "For the distributed runtime: each valid ad is produced keyed by its id; a bad line is reported on stderr with its line number and reason.",
  options: {
    brokers: KAFKA_OPTIONS.brokers,
    source: { type: "string", value: "NAME", help: "source of ads that name none" },
  },
  output: 'one line: {"topic", "produced", "rejected"}',
});

export const WATCH = defineCommand({
  name: "watch",
  group: "watch",
  summary: "add, list or remove watches (phone, email, handle, image, text, entity)",
  usage: [
    "nexus watch add [--data DIR] [--label TEXT] [--country CC] [--max-distance N] [--trigger T]... [--webhook URL --secret S] KIND VALUE",
    "nexus watch list [--data DIR]",
    "nexus watch remove [--data DIR] WATCH_ID",
  ],
  description:
    'KIND is phone, email or handle (any format, normalised as ads are), image (a file or URL; matched through its 8 dihedral hashes within PDQ distance 31), text (words and "phrases", analysed as search does) or entity (new ad, new phone, new place, merge). A watch raises one alert per new ad that matches it, after it was added.',
  options: {
    ...DATA_OPTION,
    label: { type: "string", value: "TEXT", help: "a name for the watch" },
    country: { type: "string", value: "CC", help: "default country of a local phone number" },
    "max-distance": { type: "string", value: "N", help: "image: largest PDQ distance that matches (default 31)" },
    trigger: { type: "string", multiple: true, value: "T", help: "entity: ad|phone|location|merge (repeatable)" },
    webhook: { type: "string", value: "URL", help: "deliver alerts to this URL, signed (needs --secret)" },
    secret: { type: "string", value: "S", help: "the webhook's signing secret (never shown again)" },
    ...KAFKA_OPTIONS,
  },
  output:
    'add and list: one line per watch: {"id", "kind", "value", "label", …, "webhook": {"url"}}; remove: {"removed"}',
  examples: ['nexus watch add phone "+57 313 970 7153" --label case-12', "nexus watch list"],
});

export const ALERTS = defineCommand({
  name: "alerts",
  group: "watch",
  summary: "alerts raised by the watches, oldest first; --follow tails a running API",
  usage: [
    "nexus alerts [--data DIR] [--watch WATCH_ID] [--after SEQ] [--limit N]",
    "nexus alerts --follow --api URL [--after SEQ]     (key in NEXUS_API_KEY)",
    "nexus alerts --kafka [--brokers B] [--follow]",
  ],
  description:
    "An alert says which watch matched which ad, in which entity, and the evidence. The data directory belongs to one process, so --follow reads a running API's live feed.",
  options: {
    ...DATA_OPTION,
    watch: { type: "string", value: "WATCH_ID", help: "only this watch's alerts" },
    after: { type: "string", value: "SEQ", help: "only alerts after this sequence number" },
    limit: { type: "string", value: "N", help: "at most N alerts" },
    follow: { type: "boolean", help: "keep printing new alerts until Ctrl-C" },
    api: { type: "string", value: "URL", help: "the API whose live feed --follow reads" },
    ...KAFKA_OPTIONS,
  },
  output:
    'one line per alert: {"id", "watchId", "watchKind", "label", "adId", "entityId", "personaId", "evidence", "ad", "seq", "raisedAt"}',
});
