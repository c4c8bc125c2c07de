import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../src/index.js";

const doc = readFileSync(join(import.meta.dirname, "../../../docs/errors.md"), "utf8");

describe("docs/errors.md", () => {
  it("lists exactly the codes in codes.ts, in order", () => {
    const documented = [...doc.matchAll(/^\|\s*`(NEXUS_[A-Z_]+)`\s*\|/gm)].map((match) => match[1]);
    expect(documented).toEqual([...ERROR_CODES]);
  });
});
