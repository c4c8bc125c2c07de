import { toNexusError } from "@nexus/errors";
import { createImageHasher } from "@nexus/image-input";
import { type Command, writeJsonLine } from "../context.js";
import { imageOptions } from "../options.js";
import { parseOptions, usageText } from "../spec.js";
import { HASH } from "../specs.js";

const USAGE = usageText(HASH);

/** `hash`: one JSON line per image, in argument order; a failed image gets an `error` line. */
export const hashCommand: Command = async (context) => {
  const { positionals } = parseOptions(context, HASH);
  if (positionals.length === 0) {
    context.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const hasher = createImageHasher({ ...imageOptions(context).options, allowFile: true });
  let failures = 0;
  for (const path of positionals) {
    try {
      const { pdq, quality, dihedral, width, height, sha256 } = await hasher.hashFile(path);
      writeJsonLine(context.stdout, { path, pdq, quality, dihedral, width, height, sha256 });
    } catch (thrown) {
      failures += 1;
      const error = toNexusError(thrown, "NEXUS_IMAGE_DECODE");
      writeJsonLine(context.stdout, { path, error: { code: error.code, message: error.message } });
    }
  }
  return failures > 0 ? 1 : 0;
};
