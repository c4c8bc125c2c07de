import { NexusError } from "@nexus/errors";
import { describe, expect, it } from "vitest";
import { normaliseWatch, type WatchRequest, watchIdFrom } from "../src/index.js";

const stamp = { id: watchIdFrom("0123456789abcdef0123456789abcdef"), createdAt: "2026-11-23T00:00:00Z" };
const normalise = (request: WatchRequest) => normaliseWatch(request, stamp);

describe("normaliseWatch", () => {
  it("normalises phones in any format to E.164", () => {
    expect(normalise({ kind: "phone", value: "+58 (414) 555-12.34" }).value).toBe("+584145551234");
    expect(normalise({ kind: "phone", value: "5555 1234", country: "GT" }).value).toBe("+50255551234");
    // A landline from a case file: not what ads advertise, still a valid number to watch.
    expect(normalise({ kind: "phone", value: "+502 2208 3748" }).value).toBe("+50222083748");
  });

  it("normalises emails and handles", () => {
    expect(normalise({ kind: "email", value: " Ana@Mail.COM " }).value).toBe("ana@mail.com");
    expect(normalise({ kind: "handle", value: "instagram:@Ana.Bella" }).value).toBe("instagram:ana.bella");
    expect(normalise({ kind: "handle", value: "@ana_b" }).value).toBe("*:ana_b");
  });

  it("rejects what cannot be watched, with a stable code", () => {
    const bad: WatchRequest[] = [
      { kind: "phone", value: "no number here" },
      { kind: "email", value: "not-an-email" },
      { kind: "text", value: "de la y el" },
      { kind: "image", value: "x.jpg", image: { pdq: "0".repeat(64), quality: 10, dihedral: [] } },
      { kind: "entity", value: "net_1", triggers: ["ad", "nope" as "ad"] },
      { kind: "phone", value: "+50761234567", webhook: { url: "https://x.example/h", secret: "short" } },
    ];
    for (const request of bad) {
      expect(() => normalise(request), request.value).toThrow(NexusError);
      try {
        normalise(request);
      } catch (error) {
        expect((error as NexusError).code).toBe("NEXUS_WATCH_INVALID");
      }
    }
  });

  it("keeps the photo's 8 dihedral hashes for an image watch", () => {
    const hashes = Array.from({ length: 8 }, (_, i) => i.toString(16).repeat(64));
    const watch = normalise({
      kind: "image",
      value: "x.jpg",
      image: { pdq: hashes[0] ?? "", quality: 80, dihedral: hashes },
    });
    expect(watch).toMatchObject({ kind: "image", value: hashes[0], hashes, maxDistance: 31 });
  });
});
