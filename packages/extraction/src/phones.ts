/** Phone numbers: messaging links first, then runs of digit groups, resolved to E.164 with a country rule. */

import { leadingCallingCode } from "./calling-plans.js";
import type { CountryEvidence } from "./country-evidence.js";
import type { Normalised } from "./normalise.js";
import { toSpan } from "./normalise.js";
import {
  type Acceptable,
  confirm,
  createResolver,
  type DigitsResolver,
  isCallingCode,
  type Resolved,
  resolveInternational,
} from "./phone-country.js";
import { type Group, Obf, scanGroups } from "./phone-groups.js";
import type { PhoneMatch } from "./types.js";

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

const OBF_TAGS: ReadonlyArray<readonly [number, string]> = [
  [Obf.spelledEs, "spelled-es"],
  [Obf.spelledEn, "spelled-en"],
  [Obf.twoDigitEs, "two-digit-groups-es"],
  [Obf.twoDigitEn, "two-digit-groups-en"],
  [Obf.letterDigits, "letter-digits"],
  [Obf.keycap, "keycap-emoji"],
  [Obf.unicode, "unicode-digits"],
  [Obf.emojiSeparated, "emoji-separators"],
];

const BASE_CONFIDENCE = {
  "messaging-link": 0.99,
  "explicit-country-code": 0.97,
  "ad-country": 0.95,
  "inferred-country": 0.9,
  "region-fallback": 0.8,
} as const;

interface Found {
  from: number;
  to: number;
  resolved: Resolved;
  tags: string[];
}

const LINK = /(wa\.me\/|whatsapp\.com\/send\/?\?phone=|t\.me\/)(\+?)(\d{7,15})(?!\d)/g;

/** wa.me / api.whatsapp.com / t.me/+ links; their digits are international without the '+'. */
function findLinks(text: string, resolve: DigitsResolver): Found[] {
  const found: Found[] = [];
  LINK.lastIndex = 0;
  for (let m = LINK.exec(text); m !== null; m = LINK.exec(text)) {
    const digits = m[3] ?? "";
    const resolved = resolveInternational(digits) ?? resolve(digits, false);
    if (!resolved) continue;
    const tag = (m[1] ?? "").startsWith("t.me") ? "telegram-link" : "whatsapp-link";
    const tags = resolved.strayTrunkZero ? [tag, "stray-trunk-zero"] : [tag];
    const link: Resolved = { ...resolved, rule: "messaging-link", evidence: LINK_EVIDENCE };
    found.push({ from: m.index, to: m.index + m[0].length, resolved: link, tags });
  }
  return found;
}

const LINK_EVIDENCE: readonly string[] = Object.freeze(["messaging-link"]);

/** Reads groups [i..j] of a run, whose digits are `digits`; `freeOnly` as in DigitsResolver. */
type Resolver = (
  run: readonly Group[],
  i: number,
  j: number,
  digits: string,
  options: { accept: Acceptable; freeOnly: boolean },
) => Resolved | undefined;

/** Repeated digits or pairs ("23 23 23 23 23", "5555555") are filler, not numbers. */
function periodic(digits: string): boolean {
  for (let k = 2; k < digits.length; k++) if (digits[k] !== digits[k - 2]) return false;
  return true;
}

function groupResolver(resolve: DigitsResolver): Resolver {
  return (run, i, j, digits, { accept, freeOnly }) => {
    const first = run[i];
    if (!first || periodic(digits)) return undefined;
    if (first.plus) return resolveInternational(digits);
    if (digits.startsWith("00")) return resolveInternational(digits.slice(2));
    const ccGroup = (j > i && isCallingCode(first.digits)) || first.digits.length >= 11;
    return resolve(digits, ccGroup, accept, freeOnly);
  };
}

function tagsOf(groups: readonly Group[], resolved: Resolved): string[] {
  const obf = groups.reduce((acc, g) => acc | g.obf, 0);
  const tags = OBF_TAGS.filter(([bit]) => (obf & bit) !== 0).map(([, tag]) => tag);
  // One plain space or hyphen between two blocks is how numbers are written; more is hiding.
  const plain = (g: Group) => g.gap === " " || g.gap === "-";
  if (groups.length > 3 || groups.slice(1).some((g) => !plain(g))) tags.push("separators");
  if (resolved.strayTrunkZero) tags.push("stray-trunk-zero");
  return tags;
}

/** A single digit or a spelled word left over next to a phone probably belongs to it. */
function fragmentCost(g: Group): number {
  const spelled = (g.obf & (Obf.spelledEs | Obf.spelledEn)) !== 0;
  return g.digits.length === 1 || (spelled && g.digits.length <= 2) ? g.digits.length : 0;
}

// Mixed separators inside one number ("8-5-5 three, two") suggest two numbers were joined.
const MIXED_GAP_COST = 0.2;

function spanCost(run: readonly Group[], i: number, j: number, resolved: Resolved): number {
  const cost = resolved.cost;
  const gaps = new Set<string>();
  for (let k = i + 1; k <= j; k++) gaps.add((run[k] as Group).gap.trim() || " ");
  return cost + Math.max(0, gaps.size - 1) * MIXED_GAP_COST;
}

interface Plan {
  score: number;
  spans: Array<readonly [number, number, Resolved]>;
}

/** Spans [i..j] of the run that resolve, with the ad-country/explicit reading preferred per span. */
function spansFrom(run: readonly Group[], i: number, resolve: Resolver): Array<readonly [number, Resolved]> {
  const out: Array<readonly [number, Resolved]> = [];
  let digits = "";
  let end = i;
  // One test for the whole loop (it reads `end`): a reading that is a piece of a longer number is no use.
  const whole = (r: Resolved) => r.cost === 0 || !cutsUniformRun(run, i, end, r);
  for (let j = i; j < run.length; j++) {
    digits += run[j]?.digits ?? "";
    if (digits.length > MAX_DIGITS + 2) break;
    if (digits.length < MIN_DIGITS) continue;
    end = j;
    // A span that ends inside digits written one by one is usable only as a free reading.
    const freeOnly = j > i && alike(run[j], run[j + 1]);
    const resolved = resolve(run, i, j, digits, { accept: whole, freeOnly });
    if (resolved && whole(resolved)) out.push([j, resolved]);
  }
  return out;
}

const SPELLED = Obf.spelledEs | Obf.spelledEn;

/** Two single-digit groups written alike (both digits or both words) with the same separator before. */
function alike(a: Group | undefined, b: Group | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.digits.length === 1 &&
    b.digits.length === 1 &&
    a.gap === b.gap &&
    (a.obf & SPELLED) === (b.obf & SPELLED)
  );
}

/** The single digits written right before group `i` spell the reading's calling code ("cinco siete" for +57). */
function callingCodeBefore(run: readonly Group[], i: number, e164: string): boolean {
  const code = leadingCallingCode(e164.slice(1)) ?? "";
  let digits = "";
  for (let k = i - 1; k >= 0 && digits.length < code.length; k--) digits = (run[k]?.digits ?? "") + digits;
  return digits === code;
}

/**
 * True when a reading of groups [i..j] starts or ends inside digits written one by one in one style
 * ("8 8 6 1 0 4 4 ..."): it is a piece of a longer number, not a number. A calling code spelled
 * before it is not such a piece.
 */
function cutsUniformRun(run: readonly Group[], i: number, j: number, resolved: Resolved): boolean {
  const before = run[i - 1];
  const startCut = before !== undefined && before.digits.length === 1 && alike(run[i], run[i + 1]);
  if (startCut && !callingCodeBefore(run, i, resolved.e164)) return true;
  return j > i && alike(run[j], run[j + 1]);
}

// "zero four one four ...": a trunk zero written before a reading that leaves it out says the
// number belongs to a plan with a trunk zero, not to the one (NANP, say) that reads the rest.
const LEFT_OUT_ZERO_COST = 1.5;

function leftOutZero(run: readonly Group[], i: number): boolean {
  const before = run[i - 1];
  return before?.digits === "0" && alike(before, run[i]);
}

/**
 * Best segmentation of a run into phones (dynamic programming from the right): covered digits
 * count for, region fallbacks and leftover digit fragments count against.
 */
function planRun(run: readonly Group[], resolve: Resolver): Plan {
  const best: Plan[] = new Array(run.length + 1);
  best[run.length] = { score: 0, spans: [] };
  for (let i = run.length - 1; i >= 0; i--) {
    const skip = best[i + 1] as Plan;
    let choice: Plan = { score: skip.score - fragmentCost(run[i] as Group), spans: skip.spans };
    for (const [j, resolved] of spansFrom(run, i, resolve)) {
      const rest = best[j + 1] as Plan;
      let digits = 0;
      for (let k = i; k <= j; k++) digits += run[k]?.digits.length ?? 0;
      const zero = leftOutZero(run, i) ? LEFT_OUT_ZERO_COST : 0;
      const score = rest.score + digits - spanCost(run, i, j, resolved) - zero;
      if (score > choice.score) choice = { score, spans: [[i, j, resolved], ...rest.spans] };
    }
    best[i] = choice;
  }
  return best[0] as Plan;
}

// An ad that lists a whole tour of cities must not make a message too big for its schema (64 items).
const MAX_EVIDENCE = 16;

function evidenceOf(resolved: Resolved): string[] {
  const evidence = resolved.evidence.slice(0, MAX_EVIDENCE - 1);
  if (resolved.trunk) evidence.push("trunk-prefix");
  return evidence;
}

function confidenceOf(found: Found): number {
  let c: number = BASE_CONFIDENCE[found.resolved.rule];
  if (found.tags.some((t) => t.startsWith("spelled") || t === "letter-digits")) c -= 0.05;
  return Math.max(0.5, Math.round(c * 100) / 100);
}

/**
 * Every phone in the folded text, deduplicated by E.164 (first occurrence wins).
 * `mask` marks folded characters that belong to distractors, emails or non-messaging URLs.
 */
export function findPhones(norm: Normalised, input: string, evidence: CountryEvidence, mask: Uint8Array): PhoneMatch[] {
  const digitsResolver = createResolver(evidence);
  const found = findLinks(norm.text, digitsResolver);
  for (const f of found) mask.fill(1, f.from, f.to);
  const resolve = groupResolver(digitsResolver);
  for (const run of scanGroups(norm.text, norm.mark, mask)) {
    for (const [i, j, chosen] of planRun(run, resolve).spans) {
      const resolved = chosen.rule === "explicit-country-code" ? chosen : confirm(chosen);
      if (!resolved) continue;
      const groups = run.slice(i, j + 1);
      const first = groups[0] as Group;
      const from =
        first.plusAt !== undefined && (first.plus || isCallingCode(first.digits) || norm.text[first.to] === ")")
          ? first.plusAt
          : first.from;
      found.push({ from, to: (groups[groups.length - 1] as Group).to, resolved, tags: tagsOf(groups, resolved) });
    }
  }
  found.sort((a, b) => a.from - b.from);
  const seen = new Set<string>();
  const phones: PhoneMatch[] = [];
  for (const f of found) {
    if (seen.has(f.resolved.e164)) continue;
    seen.add(f.resolved.e164);
    const { e164, country: numberCountry, rule } = f.resolved;
    phones.push({
      ...toSpan(norm, input, f.from, f.to),
      e164,
      country: numberCountry,
      rule,
      obfuscations: f.tags,
      confidence: confidenceOf(f),
      evidence: evidenceOf(f.resolved),
    });
  }
  return phones;
}
