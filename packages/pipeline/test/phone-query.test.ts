import { describe, expect, it } from "vitest";
import { splitPhoneQuery } from "../src/index.js";

describe("splitPhoneQuery", () => {
  it("finds a phone typed plainly and keeps the other words", () => {
    expect(splitPhoneQuery("5555 1234 zona 10", "GT")).toEqual({ phone: "+50255551234", text: "zona 10" });
  });
  it("leaves plain words alone", () => {
    expect(splitPhoneQuery("masajes relajantes")).toEqual({ text: "masajes relajantes" });
  });
});
