import { describe, expect, it } from "vitest";
import { evaluate, failures, loadAds, THRESHOLDS } from "../eval/score.js";

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
