import { describe, expect, it } from "vitest";
import { createSearchIndex, type SearchDocument, type SearchIndex } from "../src/index.js";

const ADS: readonly SearchDocument[] = [
  {
    id: "gt-1",
    title: "Chica colombiana",
    body: "Hola soy Valentina, jovencita hermosa y discreta. Llámame 5️⃣5️⃣1️⃣2️⃣ 3️⃣4️⃣5️⃣6️⃣",
    country: "GT",
    city: "Guatemala",
    source: "siteA",
    postedAt: "2026-01-10T10:00:00Z",
    phones: ["+50255123456"],
    entityId: "e-1",
  },
  {
    id: "co-1",
    body: "Masajes relajantes para caballeros en Medellín, total discreción",
    country: "CO",
    city: "Medellín",
    source: "siteB",
    postedAt: "2026-02-01T10:00:00Z",
  },
  {
    id: "co-2",
    body: "Masajes masajes masajes: el mejor masaje de Bogotá",
    country: "CO",
    city: "Bogotá",
    source: "siteB",
    postedAt: "2026-03-01T10:00:00Z",
    phones: ["+573001234567"],
    entityId: "e-2",
  },
  {
    id: "pa-1",
    body: "Young Colombian girl available for massages and dinner dates",
    language: "en",
    country: "PA",
    city: "bogota",
    source: "siteA",
  },
  { id: "pa-2", body: "Colombiana nueva en la ciudad, chica alegre", country: "PA", city: "Panamá", source: "siteA" },
];

function build(docs: readonly SearchDocument[] = ADS): SearchIndex {
  const index = createSearchIndex();
  for (const d of docs) index.upsert(d);
  return index;
}

const ids = (index: SearchIndex, text: string) => index.search({ text, size: 100 }).hits.map((h) => h.id);

describe("matching", () => {
  it.each([
    ["a misspelled Spanish word", "jovensita", ["gt-1"]],
    ["a plural for a singular", "chicas colombianas", ["gt-1", "pa-2", "pa-1"]],
    ["without accents", "medellin discrecion", ["co-1"]],
    ["an English plural", "girls", ["pa-1"]],
    ["the digits typed plainly", "5512 3456", ["gt-1"]],
    ["a number with country code, through the ad's phone", "+502 5512-3456", ["gt-1"]],
    ["a number with a trunk zero", "0300 123 4567", ["co-2"]],
  ])("finds %s", (_name, text, expected) => {
    expect(ids(build(), text)).toEqual(expected);
  });

  it("finds nothing for stop words only", () => {
    expect(build().search({ text: "de la y" }).total).toBe(0);
  });

  it("scores a typo below the exact word", () => {
    const index = build([
      { id: "exact", body: "jovencita alegre" },
      { id: "typo", body: "jovensita alegre" },
    ]);
    const hits = index.search({ text: "jovencita" }).hits;
    expect(hits.map((h) => h.id)).toEqual(["exact", "typo"]);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
  });

  it("tolerates no typo in short words", () => {
    expect(ids(build([{ id: "a", body: "sol" }]), "sal")).toEqual([]);
  });

  it("can require every word", () => {
    const index = build();
    expect(index.search({ text: "masaje bogota", operator: "and" }).hits.map((h) => h.id)).toEqual(["co-2"]);
  });
});

describe("ranking", () => {
  it("ranks higher term frequency and rarer terms first", () => {
    expect(ids(build(), "masaje")[0]).toBe("co-2");
  });

  it("boosts title matches", () => {
    const index = build([
      { id: "body", body: "chica nueva y otra cosa" },
      { id: "title", title: "chica", body: "nueva y otra cosa" },
    ]);
    expect(ids(index, "chica")).toEqual(["title", "body"]);
  });

  it("breaks ties by id", () => {
    const index = build([
      { id: "b", body: "misma frase exacta" },
      { id: "a", body: "misma frase exacta" },
      { id: "c", body: "misma frase exacta" },
    ]);
    expect(ids(index, "frase")).toEqual(["a", "b", "c"]);
  });
});

describe("phrases", () => {
  it("requires the words in order", () => {
    const index = build();
    expect(ids(index, '"chica colombiana"')).toEqual(["gt-1"]);
    expect(ids(index, '"colombiana chica"')).toEqual([]);
  });

  it("matches a phrase with plurals and stop words between", () => {
    expect(ids(build(), '"nuevas en las ciudades"')).toEqual(["pa-2"]);
  });

  it("does not span title and body", () => {
    const index = build([{ id: "x", title: "chica", body: "colombiana" }]);
    expect(ids(index, '"chica colombiana"')).toEqual([]);
  });
});

describe("filters and facets", () => {
  const index = build();

  it.each([
    [{ country: ["co"] }, ["co-1", "co-2"]],
    [{ city: ["BOGOTA"] }, ["co-2", "pa-1"]],
    [{ source: ["sitea"] }, ["gt-1", "pa-1", "pa-2"]],
    [{ from: "2026-01-15T00:00:00Z", to: "2026-02-15T00:00:00Z" }, ["co-1"]],
    [{ hasPhone: true }, ["co-2", "gt-1"]],
    [{ hasPhone: false, country: ["PA"] }, ["pa-1", "pa-2"]],
    [{ entityId: "e-2" }, ["co-2"]],
  ])("filter %j", (filters, expected) => {
    expect(index.search({ filters, size: 100 }).hits.map((h) => h.id)).toEqual(expected);
  });

  it("filters a text search", () => {
    expect(index.search({ text: "colombiana", filters: { country: ["PA"] } }).hits.map((h) => h.id)).toEqual([
      "pa-2",
      "pa-1",
    ]);
  });

  it("counts facets over all matches, folding spellings of a city", () => {
    const result = index.search({ facets: ["country", "city", "hasPhone"], size: 1 });
    expect(result.total).toBe(5);
    const { country, city, hasPhone } = result.facets;
    expect(country).toEqual([
      { value: "CO", count: 2 },
      { value: "PA", count: 2 },
      { value: "GT", count: 1 },
    ]);
    expect(city?.[0]).toEqual({ value: "Bogotá", count: 2 });
    expect(hasPhone).toEqual([
      { value: "false", count: 3 },
      { value: "true", count: 2 },
    ]);
  });

  it("looks up a phone", () => {
    expect(index.search({ phone: "+573001234567" }).hits.map((h) => h.id)).toEqual(["co-2"]);
    expect(index.search({ phone: "+573001234567", text: "medellin" }).total).toBe(1);
  });

  it("rejects a bad date and bad pagination", () => {
    expect(() => index.search({ filters: { from: "yesterday" } })).toThrow(/ISO 8601/);
    expect(() => index.search({ from: -1 })).toThrow(/from must be/);
  });
});

describe("highlights", () => {
  it("marks matched words in the original text", () => {
    const [hit] = build().search({ text: "jovencita 5512 3456" }).hits;
    expect(hit?.highlights).toEqual(["Hola soy Valentina, «jovencita» hermosa y discreta. Llámame «5️⃣5️⃣1️⃣2️⃣ 3️⃣4️⃣5️⃣6️⃣»"]);
  });

  it("marks the title and cuts long bodies", () => {
    const body = `${"relleno ".repeat(30)}masaje ${"relleno ".repeat(30)}`;
    const [hit] = build([{ id: "x", title: "Masaje total", body }]).search({ text: "masajes" }).hits;
    expect(hit?.highlights[0]).toBe("«Masaje» total");
    expect(hit?.highlights[1]).toMatch(/^….*«masaje».*…$/);
    expect(hit?.highlights[1]?.length).toBeLessThan(140);
  });
});

describe("repeated searches", () => {
  it("leave nothing behind for the next query", () => {
    const index = build();
    const first = index.search({ text: "masaje chica", facets: ["city"] });
    index.search({ text: '"chica colombiana" jovencita', operator: "and" });
    index.search({ phone: "+50255123456", text: "hermosa" });
    expect(index.search({ text: "masaje chica", facets: ["city"] })).toEqual(first);
  });
});

describe("pagination", () => {
  const docs = Array.from({ length: 57 }, (_, i) => ({
    id: `ad-${String(i).padStart(3, "0")}`,
    body: `chica ${"alegre ".repeat(1 + (i % 4))} numero ${i}`,
  }));

  it("pages through the same order without gaps or repeats", () => {
    const index = build(docs);
    const all = index.search({ text: "alegre chica", size: 100 }).hits.map((h) => h.id);
    const paged: string[] = [];
    for (let from = 0; from < 57; from += 10) {
      paged.push(...index.search({ text: "alegre chica", from, size: 10 }).hits.map((h) => h.id));
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(57);
  });

  it("gives the same order whatever the insertion order", () => {
    const a = build(docs).search({ text: "alegre", size: 57 }).hits;
    const b = build([...docs].reverse()).search({ text: "alegre", size: 57 }).hits;
    expect(b).toEqual(a);
  });
});

describe("upsert and remove", () => {
  it("replaces a document without stale terms", () => {
    const index = build();
    index.upsert({ id: "gt-1", body: "Anuncio nuevo sin palabras viejas" });
    expect(index.size).toBe(5);
    expect(ids(index, "jovencita")).toEqual([]);
    expect(ids(index, "anuncio")).toEqual(["gt-1"]);
    expect(index.search({ phone: "+50255123456" }).total).toBe(0);
    expect(index.search({ filters: { entityId: "e-1" } }).total).toBe(0);
  });

  it("updates metadata in place when only the entity or place changes", () => {
    const index = build();
    const [first] = ADS;
    if (first === undefined) throw new Error("fixture");
    index.upsert({ ...first, entityId: "e-9", city: "Mixco" });
    expect(index.size).toBe(5);
    expect(index.search({ filters: { entityId: "e-1" } }).total).toBe(0);
    expect(ids(index, "jovencita")).toEqual(["gt-1"]);
    expect(index.search({ text: "jovencita", filters: { entityId: "e-9", city: ["mixco"] } }).total).toBe(1);
  });

  it("removes a document and its vocabulary", () => {
    const index = build();
    index.remove("gt-1");
    index.remove("missing");
    expect(index.size).toBe(4);
    expect(ids(index, "jovencita")).toEqual([]);
    expect(ids(index, "jovensita")).toEqual([]);
  });

  it("scores the same after remove and re-add as a fresh build", () => {
    const index = build();
    const [first] = ADS;
    if (first === undefined) throw new Error("fixture");
    index.remove(first.id);
    index.upsert(first);
    expect(index.search({ text: "chica colombiana" })).toEqual(build().search({ text: "chica colombiana" }));
  });

  it("stays correct after most of a posting list is removed and compacted", () => {
    const docs = Array.from({ length: 20 }, (_, i) => ({
      id: `d${String(i).padStart(2, "0")}`,
      body: `palabra comun ${i}`,
    }));
    const index = build(docs);
    for (const d of docs.slice(0, 15)) index.remove(d.id);
    expect(ids(index, '"palabra comun"')).toEqual(["d15", "d16", "d17", "d18", "d19"]);
    expect(ids(index, "17")).toEqual(["d17"]);
  });

  it("rejects a document without an id", () => {
    expect(() => createSearchIndex().upsert({ id: "", body: "x" })).toThrow(/non-empty string id/);
  });
});
