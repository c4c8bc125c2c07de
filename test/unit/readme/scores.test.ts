/**
 * README "What the scores mean" explains the resolver's points to analysts. Its numbers must be the
 * code's defaults: this fails when a weight, threshold or generic limit changes and the README not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_RESOLUTION_CONFIG as config } from "@nexus/resolution";
import { describe, expect, it } from "vitest";

const readme = readFileSync(join(import.meta.dirname, "../../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## What the scores mean"), readme.indexOf("## Tests"));
const w = config.weights;
const g = config.generic;
const points = (n: number): string => (n < 0 ? `−${-n}` : `+${n}`);

/** The points column of the table row whose evidence starts with `label`. */
function row(label: string): { evidence: string; points: string } {
  const line = section.split("\n").find((l) => l.startsWith(`| ${label}`));
  const [, evidence = "", value = ""] = line?.split("|").map((cell) => cell.trim()) ?? [];
  return { evidence, points: value };
}

describe("README: what the scores mean", () => {
  it("gives each piece of evidence the weight the resolver uses", () => {
    expect(w.email).toBe(w.phone);
    expect(row("same phone number").points).toBe(points(w.phone));
    expect(row("same handle").points).toBe(points(w.handle));
    expect(row("the same photo").points).toBe(`${points(w.photoExact)} … ${points(w.photoAtMax)}`);
    expect(row("the same photo").evidence).toContain(`distance ${config.photoMaxDistance} of 256`);
    expect(row("the same text").points).toBe(`${points(w.textMax)} … 0`);
    expect(row("the same text").evidence).toContain(`(${config.textMinJaccard})`);
    expect(row("texts that share almost nothing").points).toBe(points(w.textDisagree));
    expect(row("texts that share almost nothing").evidence).toContain(`under ${config.textDisagreeJaccard}`);
    expect(row("first names agree").points).toBe(points(w.nameAgree));
    expect(row("first names differ").points).toBe(points(w.nameDisagree));
    expect(row("ages within 1 year").points).toBe(`${points(w.ageAgree)} / ${points(w.ageDisagree)}`);
    expect(row("same city").points).toBe(
      `${points(w.cityAgree)} / ${points(w.cityDisagree)} / ${points(w.countryDisagree)}`,
    );
    expect(row("posted within").points).toBe(points(w.timeClose));
    expect(row("posted within").evidence).toContain(`${config.timeCloseDays} days`);
    expect(row("an analyst's must-link").points).toBe(points(w.analyst));
  });

  it("states the thresholds, the persona cap and the photo limits the resolver uses", () => {
    expect(section).toContain(`their points reach **${config.networkThreshold}**`);
    expect(section).toContain(`must reach **${config.personaThreshold}**`);
    expect(section).toContain(`a shared contact counts\n  at most ${config.personaContactCap}`);
    expect(section).toContain(`PDQ distance ${config.photoMaxDistance} (of 256 bits)`);
    expect(section).toContain(`quality is under ${config.photoMinQuality}`);
  });

  it("states the generic-value limits the resolver uses", () => {
    const text = section.replace(/\s+/g, " ");
    expect(text).toContain(
      `on ${g.identifierMinAds} or more ads beside ${g.identifierMinCoContacts} or more other contacts (or on ${g.identifierMaxAds} ads`,
    );
    expect(text).toContain(
      `a photo on ${g.photoMinAds} or more ads beside ${g.photoMinCoContacts} other contacts or from ${g.photoMinCountries} countries (or on ${g.photoMaxAds} ads`,
    );
    expect(text).toContain(`a phrase on ${g.phraseMinAds} ads`);
  });

  it("adds up its worked examples with those weights", () => {
    const cap = config.personaContactCap;
    expect(section).toContain(`(${cap} + ${w.nameAgree} = ${cap + w.nameAgree})`);
    expect(cap + w.nameAgree).toBeGreaterThanOrEqual(config.personaThreshold);
    expect(section).toContain(`(${cap} − ${-w.nameDisagree} = ${cap + w.nameDisagree})`);
    expect(cap + w.nameDisagree).toBeLessThan(config.personaThreshold);
    const weak = w.nameAgree + w.ageAgree + w.cityAgree + w.timeClose;
    expect(section).toContain(`date together (${weak}) never are`);
    expect(weak).toBeLessThan(config.networkThreshold);
    const stock = w.photoExact + w.nameDisagree;
    expect(section).toContain(`(${w.photoExact} − ${-w.nameDisagree} = ${stock})`);
    expect(stock).toBeLessThan(config.networkThreshold);
  });
});
