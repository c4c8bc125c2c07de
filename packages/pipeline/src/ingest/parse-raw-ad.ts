import { NexusError, type ValidationError } from "@nexus/errors";
import { checkMessage, type DeadLetter, type RawAd, TOPICS } from "@nexus/schemas";

export type ParsedLine = { ok: true; ad: RawAd } | { ok: false; deadLetter: DeadLetter };

export interface ParseOptions {
  /** Used when a record has no `source` (e.g. a one-off file import). */
  readonly defaultSource?: string;
  readonly stage?: string;
}

function reject(line: string, lineNumber: number, error: NexusError | ValidationError, stage: string): ParsedLine {
  return {
    ok: false,
    deadLetter: {
      topic: TOPICS.adsRaw,
      stage,
      line: lineNumber,
      error: { code: error.code, message: error.message, details: { ...error.details } },
      payload: line,
      attempts: 1,
    },
  };
}

/**
 * Parses one JSONL line into a raw ad, or explains why not. Never throws: a bad line becomes a dead
 * letter with the line number and the fields at fault, so one bad record never stops an import.
 */
export function parseRawAdLine(line: string, lineNumber: number, options: ParseOptions = {}): ParsedLine {
  const stage = options.stage ?? "ingest";
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return reject(
      line,
      lineNumber,
      new NexusError("NEXUS_INPUT_PARSE", `line ${lineNumber}: not JSON (${reason})`),
      stage,
    );
  }
  if (options.defaultSource && value !== null && typeof value === "object" && !("source" in value)) {
    value = { ...value, source: options.defaultSource };
  }
  const checked = checkMessage(TOPICS.adsRaw, value);
  if (checked.ok) return { ok: true, ad: normaliseRawAd(checked.value) };
  return reject(line, lineNumber, checked.error, stage);
}

/** Canonical form: country upper-case, surrounding white space trimmed. */
export function normaliseRawAd(ad: RawAd): RawAd {
  return ad.country === undefined ? ad : { ...ad, country: ad.country.toUpperCase() };
}
