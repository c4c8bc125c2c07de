/**
 * What the demo suggests trying next, built from the data it just imported so that every command
 * it prints works and shows something: ids, phones and words taken from the data directory.
 */

export interface DemoSuggestion {
  /** Run from the repository root. */
  readonly command: string;
  /** What it shows. */
  readonly expect: string;
}

export interface HeldBackAd {
  readonly id: string;
  readonly phones: readonly string[];
}

export interface SuggestionInput {
  readonly corpus: string;
  /** "" or " --data DIR", as the demo was given it. */
  readonly dataFlag: string;
  readonly heldBack: readonly HeldBackAd[];
  /** Phones of the imported networks (a watch on one is "a phone from a case"). */
  readonly knownPhones: ReadonlySet<string>;
  /** Phones demoted from linking: watching a site's number says nothing. */
  readonly genericPhones: ReadonlySet<string>;
  readonly largest?: {
    readonly id: string;
    readonly phone: string | undefined;
    readonly adA: string | undefined;
    readonly adB: string | undefined;
  };
  /** A word search known to find ads, if any. */
  readonly word?: string;
  /** The phone to watch (chooseWatchPhone), if any. */
  readonly watch?: { readonly phone: string; readonly ads: number };
}

/** The phone to watch: carried by most held-back ads, preferring one the imported networks have. */
export function chooseWatchPhone(
  input: Pick<SuggestionInput, "heldBack" | "knownPhones" | "genericPhones">,
): { phone: string; ads: number } | undefined {
  const counts = new Map<string, number>();
  for (const ad of input.heldBack) {
    for (const phone of new Set(ad.phones)) {
      if (!input.genericPhones.has(phone)) counts.set(phone, (counts.get(phone) ?? 0) + 1);
    }
  }
  const rank = ([phone, ads]: [string, number]) => (input.knownPhones.has(phone) ? 1_000_000 : 0) + ads;
  const best = [...counts].sort((a, b) => rank(b) - rank(a) || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { phone: best[0], ads: best[1] } : undefined;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export function buildSuggestions(input: SuggestionInput): DemoSuggestion[] {
  const { dataFlag: data, largest } = input;
  const out: DemoSuggestion[] = [
    { command: `npx nexus entities${data}`, expect: "every network: its ads, personas and phones" },
  ];
  if (largest?.phone) {
    out.push({
      command: `npx nexus search${data} "${largest.phone}"`,
      expect: `the ads carrying a phone of ${largest.id}, the largest network (type the number any way)`,
    });
  }
  if (largest?.adA && largest.adB) {
    out.push({
      command: `npx nexus why${data} ${largest.adA} ${largest.adB}`,
      expect: `the links, with their evidence and points, that put two ads in ${largest.id}`,
    });
  }
  if (input.word) {
    out.push({
      command: `npx nexus search${data} ${input.word}`,
      expect: "full-text search, accents and stems folded",
    });
  }
  const { watch } = input;
  if (watch) {
    out.push(
      {
        command: `npx nexus watch add${data} phone "${watch.phone}" --label demo`,
        expect: "watches the phone: every new ad carrying it raises an alert",
      },
      {
        command: `tail -n ${input.heldBack.length} ${input.corpus} | npx nexus ingest${data} -`,
        expect: `imports the ${plural(input.heldBack.length, "ad")} the demo held back; ${watch.ads} carry the watched phone`,
      },
      {
        command: `npx nexus alerts${data}`,
        expect: `${plural(watch.ads, "alert")} of the demo watch, each with its ad, network and evidence`,
      },
    );
  }
  return out;
}
