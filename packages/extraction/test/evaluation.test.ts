import { describe, expect, it } from "vitest";
import { evaluate, failures, loadAds, THRESHOLDS } from "../eval/score.js";
import { evaluateWorld, loadWorld, WORLD_MODES, WORLD_THRESHOLDS } from "../eval/world.js";

describe("labelled evaluation set", () => {
  const ads = loadAds();
  const report = evaluate(ads);

  it("has several hundred ads in both languages, some with only distractors", () => {
    expect(ads.length).toBeGreaterThanOrEqual(400);
    expect(ads.filter((a) => a.phones.length === 0).length).toBeGreaterThanOrEqual(40);
    expect(ads.filter((a) => a.id.startsWith("hw-")).length).toBeGreaterThanOrEqual(50);
  });

  it("meets the acceptance thresholds", () => {
    expect(failures(report)).toEqual([]);
    expect(report.nexus.phones.precision).toBeGreaterThanOrEqual(THRESHOLDS.phones.precision);
    expect(report.nexus.phones.recall).toBeGreaterThanOrEqual(THRESHOLDS.phones.recall);
  });

  it("beats plain findPhoneNumbersInText on recall", () => {
    expect(report.nexus.phones.recall).toBeGreaterThan(report.baseline.recall + 0.2);
  });
});

describe("ads from outside the region (issue 17)", () => {
  const heldout = loadWorld("heldout");

  it("has a held-out set of over a hundred ads, with and without country fields, some with no phone", () => {
    expect(heldout.length).toBeGreaterThanOrEqual(100);
    expect(heldout.filter((a) => a.country === undefined).length).toBeGreaterThanOrEqual(15);
    expect(heldout.filter((a) => a.phones.length === 0).length).toBeGreaterThanOrEqual(4);
  });

  it.each(WORLD_MODES)("meets the issue's thresholds on the held-out set, country field %s", (mode) => {
    const report = evaluateWorld(heldout, mode);
    expect(report.nexus.precision).toBeGreaterThanOrEqual(WORLD_THRESHOLDS.precision);
    expect(report.nexus.recall).toBeGreaterThanOrEqual(WORLD_THRESHOLDS.recall);
    expect(report.nexus.recall).toBeGreaterThan(report.baseline.recall + 0.3);
  });

  it.each(WORLD_MODES)("meets them on the tuning set too, country field %s", (mode) => {
    const report = evaluateWorld(loadWorld("tuning"), mode);
    expect(report.nexus.precision).toBeGreaterThanOrEqual(WORLD_THRESHOLDS.precision - 0.02);
    expect(report.nexus.recall).toBeGreaterThanOrEqual(WORLD_THRESHOLDS.recall);
  });
});
