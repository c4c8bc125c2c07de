import type { Command } from "./context.js";

export const HELP = `nexus — link online ads into advertisers and networks

usage: npm run -s nexus -- <command> [options]

  extract --jsonl            raw ads (JSON lines) on stdin → contacts found, one line per ad
  ingest [--data DIR] FILE   import raw ads (JSON lines, "-" for stdin) through the whole pipeline
  entities [--data DIR]      one JSON line per entity (--layer network|persona, default network)
  search [--data DIR] QUERY  full-text / phone search, best first (--country, --city, --source, --limit)
  why [--data DIR] A B       the chain of links (with evidence) that joins ads A and B, or why not
  demo [--data DIR] FILE    import a corpus and show where to look (what npm start runs)
  produce FILE               validate raw ads and publish them to Kafka (KAFKA_BROKERS or --brokers)
  decide [--data DIR] must-link|cannot-link A B   an analyst decision between ads or entities (kept)
  generics [--data DIR]      values demoted from linking, with reasons (--set generic|specific KEY overrides)
  hash IMAGE...              PDQ hash, quality and the 8 dihedral hashes of each image
  watch add [--data DIR] KIND VALUE   watch a phone|email|handle|image|text|entity; prints the watch
                             (--label, --country, --max-distance, --trigger, --webhook URL --secret S)
  watch list|remove [--data DIR] [ID] the watches, or remove one
  alerts [--data DIR]        one JSON line per alert (--watch ID, --after SEQ, --limit N)
  alerts --follow --api URL  tail a running API's live feed (key in NEXUS_API_KEY)
  help                       this text

Data directory: --data, else NEXUS_DATA_DIR, else ./data. See README.md for configuration.
`;

export const helpCommand: Command = async (context) => {
  context.stdout.write(HELP);
  return 0;
};
