import { describe, expect, it } from "vitest";
import { alertId, createAlertEvaluator, normaliseWatch, type WatchRequest } from "../src/index.js";
import { flipBits, resolution } from "./fixtures.js";

const PHOTO = "a5f0c3e1b2d4968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f";
let counter = 0;
const watchOf = (request: WatchRequest) => {
  counter += 1;
  return normaliseWatch(request, { id: `w_test${counter}`, createdAt: "2026-11-23T00:00:00Z" });
};

function evaluatorWith(...requests: WatchRequest[]) {
  const evaluator = createAlertEvaluator();
  const watches = requests.map(watchOf);
  for (const watch of watches) evaluator.upsertWatch(watch);
  return { evaluator, watches };
}

describe("content watches", () => {
  it("matches a phone typed plainly against an obfuscated one, once per watch and ad", () => {
    const { evaluator, watches } = evaluatorWith({ kind: "phone", value: "+507 6123-4567" });
    const alerts = evaluator.evaluate(
      resolution({ id: "ad1", body: "llamame al seis uno dos tres 45 67 amor", country: "PA" }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: alertId(watches[0]?.id ?? "", "ad1"), adId: "ad1", entityId: "net_ad1" });
    expect(alerts[0]?.evidence).toEqual([{ kind: "phone", value: "+50761234567" }]);
    expect(evaluator.evaluate(resolution({ id: "ad2", body: "llamame al 6123 9999", country: "PA" }))).toEqual([]);
  });

  it("matches emails and handles, a bare handle on any platform", () => {
    const { evaluator } = evaluatorWith(
      { kind: "email", value: "Rosa.Linda@Example.com" },
      { kind: "handle", value: "@rosalinda" },
    );
    const alerts = evaluator.evaluate(
      resolution({ id: "ad3", body: "escribe a rosa.linda@example.com o instagram: @rosalinda", country: "CO" }),
    );
    expect(alerts.map((alert) => alert.watchKind).sort()).toEqual(["email", "handle"]);
  });

  it("matches a photo within the distance, including a mirrored copy, and not beyond it", () => {
    const mirrored = flipBits(PHOTO, 20);
    const evaluator = createAlertEvaluator();
    evaluator.upsertWatch(
      watchOf({
        kind: "image",
        value: "victim.jpg",
        image: { pdq: PHOTO, quality: 90, dihedral: [PHOTO, mirrored, ...Array(6).fill(PHOTO)] },
      }),
    );
    expect(
      evaluator.evaluate(resolution({ id: "ad4", body: "hola", photos: [{ pdq: flipBits(mirrored, 5) }] }))[0]
        ?.evidence,
    ).toEqual([{ kind: "photo", value: flipBits(mirrored, 5), distance: 5 }]);
    expect(
      evaluator.evaluate(resolution({ id: "ad5", body: "hola", photos: [{ pdq: flipBits(PHOTO, 40, 128) }] })),
    ).toEqual([]);
    // A flat, low-quality photo says nothing: ignored even at distance 0.
    expect(evaluator.evaluate(resolution({ id: "ad6", body: "hola", photos: [{ pdq: PHOTO, quality: 20 }] }))).toEqual(
      [],
    );
  });

  it("matches text with search's analysis: accents, stems, phrases in order", () => {
    const { evaluator } = evaluatorWith({ kind: "text", value: 'niñas "recién llegadas" Panamá' });
    expect(
      evaluator.evaluate(resolution({ id: "ad7", body: "Nuevas NINAS recien llegadas a panama, discretas" })),
    ).toHaveLength(1);
    expect(evaluator.evaluate(resolution({ id: "ad8", body: "niñas llegadas recién a Panamá" }))).toEqual([]);
    expect(evaluator.evaluate(resolution({ id: "ad9", body: "recién llegadas a Panamá" }))).toEqual([]);
  });

  it("stops matching a removed watch", () => {
    const { evaluator, watches } = evaluatorWith({ kind: "text", value: "masajes relajantes" });
    evaluator.removeWatch(watches[0]?.id ?? "");
    expect(evaluator.evaluate(resolution({ id: "ad10", body: "masajes relajantes" }))).toEqual([]);
  });
});

describe("entity watches", () => {
  it("alerts on a new ad, then reports only what is new in the entity", () => {
    const { evaluator } = evaluatorWith({ kind: "entity", value: "net_A" });
    const first = evaluator.evaluate(
      resolution({ id: "a1", body: "tel 6123 4567", country: "PA", city: "Colón", networkId: "net_A" }),
    );
    expect(first[0]?.evidence.map((e) => e.kind)).toEqual([
      "entity-ad",
      "entity-phone",
      "entity-location",
      "entity-location",
    ]);
    const second = evaluator.evaluate(
      resolution({ id: "a2", body: "tel 6123 4567", country: "PA", city: "Colón", networkId: "net_A" }),
    );
    expect(second[0]?.evidence).toEqual([{ kind: "entity-ad", value: "net_A" }]);
    const third = evaluator.evaluate(
      resolution({ id: "a3", body: "tel 6123 9999", country: "PA", networkId: "net_A" }),
    );
    expect(third[0]?.evidence).toEqual([
      { kind: "entity-ad", value: "net_A" },
      { kind: "entity-phone", value: "+50761239999" },
    ]);
  });

  it("follows a merge: the watch alerts on the merge and moves to the surviving entity", () => {
    const { evaluator } = evaluatorWith({ kind: "entity", value: "net_A", triggers: ["merge", "phone"] });
    evaluator.evaluate(resolution({ id: "b0", body: "tel 6123 4567", country: "PA", networkId: "net_A" }), {
      raise: false,
    });
    const merge = {
      id: "m1",
      type: "merged" as const,
      layer: "network" as const,
      entityId: "net_B",
      adIds: ["b1"],
      mergedFrom: ["net_A"],
    };
    const alerts = evaluator.evaluate(
      resolution({ id: "b1", body: "tel 6123 4567", country: "PA", networkId: "net_B", changes: [merge] }),
    );
    expect(alerts[0]?.evidence).toEqual([{ kind: "entity-merge", value: "net_A", detail: "merged into net_B" }]);
    // The merged profile already knows the phone, and "ad" is not among this watch's triggers.
    expect(
      evaluator.evaluate(resolution({ id: "b2", body: "tel 6123 4567", country: "PA", networkId: "net_B" })),
    ).toEqual([]);
    expect(
      evaluator.evaluate(resolution({ id: "b3", body: "tel 6555 0000", country: "PA", networkId: "net_B" })),
    ).toHaveLength(1);
  });

  it("raises nothing while replaying, but learns the profiles", () => {
    const { evaluator } = evaluatorWith({ kind: "entity", value: "net_C", triggers: ["phone"] });
    expect(
      evaluator.evaluate(resolution({ id: "c1", body: "tel 6123 4567", country: "PA", networkId: "net_C" }), {
        raise: false,
      }),
    ).toEqual([]);
    expect(
      evaluator.evaluate(resolution({ id: "c2", body: "tel 6123 4567", country: "PA", networkId: "net_C" })),
    ).toEqual([]);
  });
});
