import { openEngine } from "@nexus/embedded-runtime";
import { NexusError } from "@nexus/errors";
import { splitPhoneQuery } from "@nexus/pipeline";
import type { SearchQuery } from "@nexus/search-index";
import { type Command, writeJsonLine } from "../context.js";
import { engineOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { SEARCH } from "../specs.js";

const USAGE = usageText(SEARCH);

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new NexusError("NEXUS_USAGE", `--${name} must be a whole number`);
  return parsed;
}

/** `search`: one JSON line per matching ad, best first. */
export const searchCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, SEARCH);
  const text = positionals.join(" ").trim();
  if (!text) throw new NexusError("NEXUS_USAGE", `what to search for?\n${USAGE}`);
  const country = values.country?.toUpperCase();
  const query: SearchQuery = {
    ...splitPhoneQuery(text, country),
    filters: {
      ...(country ? { country: [country] } : {}),
      ...(values.city ? { city: [values.city] } : {}),
      ...(values.source ? { source: [values.source] } : {}),
    },
    size: positiveInt(values.limit, 20, "limit"),
    from: positiveInt(values.from, 0, "from"),
  };
  const engine = await openEngine(engineOptions(context, values.data));
  try {
    const result = await engine.search(query);
    for (const hit of result.hits) {
      const ad = (await engine.ad(hit.id))?.ad;
      const entity = engine.entityOfAd(hit.id, "network");
      writeJsonLine(context.stdout, {
        id: hit.id,
        score: Number(hit.score.toFixed(4)),
        entityId: entity?.id,
        title: ad?.title,
        url: ad?.url,
        country: ad?.country,
        city: ad?.city,
        highlights: hit.highlights,
      });
    }
    context.stderr.write(`${result.total} matching ads\n`);
    return 0;
  } finally {
    await engine.close();
  }
};
