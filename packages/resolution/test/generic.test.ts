import { describe, expect, it } from "vitest";
import { createResolver, type EntityChange } from "../src/index.js";
import { ad, hash, nearCopy, networkOf, photo, TEXT } from "./helpers.js";

const SITE = "+50722220000";
const small = { generic: { identifierMinAds: 4, identifierMinCoContacts: 4, photoMinAds: 4, photoMinCoContacts: 4 } };

describe("generic contacts", () => {
  it("demotes a site number that recurs beside unrelated contacts and splits what it joined", () => {
    const resolver = createResolver(small);
    const changes: EntityChange[] = [];
    for (let index = 1; index <= 3; index += 1) {
      changes.push(...resolver.ingest(ad(`a${index}`, { phones: [SITE, `+5025555000${index}`] })).changes);
    }
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a3"));
    const update = resolver.ingest(ad("a4", { phones: [SITE, "+50255550004"] }));
    expect(update.demotions).toEqual([
      expect.objectContaining({ key: `phone:${SITE}`, kind: "phone", distinctAds: 4, distinctSources: 1 }),
    ]);
    expect(new Set(["a1", "a2", "a3", "a4"].map((id) => networkOf(resolver, id))).size).toBe(4);
    const split = update.changes.find((change) => change.type === "split" && change.layer === "network");
    expect(split).toMatchObject({ entityId: "net-1", adIds: ["a1"] });
    expect(split?.splitInto).toHaveLength(2);
    expect(update.links.filter((link) => !link.linked)).toHaveLength(3);
    expect(resolver.generics()).toHaveLength(1);
  });

  it("keeps a controller phone shared by a few personas with their own phones", () => {
    const resolver = createResolver(small);
    for (let index = 1; index <= 6; index += 1) {
      resolver.ingest(ad(`a${index}`, { phones: ["+50255559999", `+5025555000${index % 2}`] }));
    }
    expect(resolver.generics()).toEqual([]);
    expect(resolver.entities()).toHaveLength(1);
  });

  it("still links through other evidence after the demotion", () => {
    const resolver = createResolver(small);
    for (let index = 1; index <= 4; index += 1)
      resolver.ingest(ad(`a${index}`, { phones: [SITE, `+5025555000${index}`] }));
    resolver.ingest(ad("b1", { phones: [SITE, "+50255550001"] }));
    expect(networkOf(resolver, "b1")).toBe(networkOf(resolver, "a1"));
    expect(networkOf(resolver, "b1")).not.toBe(networkOf(resolver, "a2"));
  });

  it("can be overridden both ways, and the override holds for later ads", () => {
    const resolver = createResolver(small);
    for (let index = 1; index <= 4; index += 1)
      resolver.ingest(ad(`a${index}`, { phones: [SITE, `+5025555000${index}`] }));
    const back = resolver.overrideGeneric(`phone:${SITE}`, "specific");
    expect(back.demotions[0]).toMatchObject({ key: `phone:${SITE}`, overridden: true });
    expect(resolver.entities()).toHaveLength(1);
    resolver.ingest(ad("a5", { phones: [SITE, "+50255550005"] }));
    expect(resolver.entities()).toHaveLength(1);
    resolver.overrideGeneric("phone:+50255550005", "generic");
    resolver.ingest(ad("a6", { phones: ["+50255550005"] }));
    expect(networkOf(resolver, "a6")).not.toBe(networkOf(resolver, "a5"));
  });
});

describe("generic photos and phrases", () => {
  it("demotes a stock photo used beside many contacts", () => {
    const resolver = createResolver(small);
    const stock = hash(7);
    for (let index = 1; index <= 5; index += 1) {
      resolver.ingest(ad(`a${index}`, { phones: [`+5025555000${index}`], photos: [photo(nearCopy(stock, index))] }));
    }
    expect(resolver.generics().map((demotion) => demotion.kind)).toEqual(["photo"]);
    expect(new Set(["a1", "a2", "a3", "a4", "a5"].map((id) => networkOf(resolver, id))).size).toBe(5);
  });

  it("lets an analyst restore a demoted photo and demote a phrase by hand", () => {
    const resolver = createResolver(small);
    const stock = hash(7);
    for (let index = 1; index <= 5; index += 1) {
      resolver.ingest(ad(`a${index}`, { phones: [`+5025555000${index}`], photos: [photo(nearCopy(stock, index))] }));
    }
    const key = resolver.generics()[0]?.key ?? "";
    const restored = resolver.overrideGeneric(key, "specific");
    expect(restored.demotions[0]).toMatchObject({ key, overridden: true });
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    const manual = resolver.overrideGeneric("phrase:hola amores soy", "generic");
    expect(manual.demotions[0]).toMatchObject({ key: "phrase:hola amores soy", kind: "phrase", overridden: true });
    expect(() => resolver.overrideGeneric("colour:red", "generic")).toThrowError(/not a generic-value key/);
  });

  it("demotes a disclaimer pasted on many ads without losing real near-duplicates", () => {
    const resolver = createResolver({ generic: { phraseMinAds: 5 } });
    const disclaimer =
      "Este anuncio es publicado por una persona mayor de edad que ofrece compañía no se aceptan menores todas las fotos son reales";
    const bodies = [
      "rubia alta simpatica",
      "morena bajita alegre",
      "pelirroja delgada timida",
      "trigueña curvy risueña",
    ];
    bodies.forEach((body, index) => {
      resolver.ingest(ad(`d${index}`, { text: `${body} ${disclaimer}` }));
    });
    resolver.ingest(ad("v1", { text: `${TEXT.valentina} ${disclaimer}` }));
    resolver.ingest(ad("v2", { text: TEXT.valentinaAgain }));
    expect(resolver.generics().some((demotion) => demotion.kind === "phrase")).toBe(true);
    expect(new Set(["d0", "d1", "d2", "d3"].map((id) => networkOf(resolver, id))).size).toBe(4);
    expect(networkOf(resolver, "v1")).toBe(networkOf(resolver, "v2"));
  });
});
