import { extractAd, parseRawAdLine } from "@nexus/pipeline";
import { type Command, writeJsonLine } from "../context.js";
import { readLines } from "../lines.js";
import { parseOptions, usageText } from "../spec.js";
import { EXTRACT } from "../specs.js";

const USAGE = usageText(EXTRACT);

/**
 * `extract --jsonl`: one raw ad per stdin line in, one line of found contacts per ad out. A bad line
 * is reported on stderr with its line number and the run goes on; --strict makes it exit 1.
 */
export const extractCommand: Command = async (context) => {
  const { values } = parseOptions(context, EXTRACT);
  if (!values.jsonl) {
    context.stderr.write(`only JSON lines input is supported for now\n${USAGE}\n`);
    return 2;
  }
  let lineNumber = 0;
  let rejected = 0;
  for await (const line of readLines("-", context.stdin)) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const parsed = parseRawAdLine(line, lineNumber, { defaultSource: "stdin", stage: "extract" });
    if (!parsed.ok) {
      rejected += 1;
      writeJsonLine(context.stderr, { line: lineNumber, error: parsed.deadLetter.error });
      continue;
    }
    const { extraction } = extractAd(parsed.ad);
    writeJsonLine(context.stdout, { id: parsed.ad.id, ...extraction });
  }
  return values.strict && rejected > 0 ? 1 : 0;
};
