import { NexusError } from "@nexus/errors";
import { describe, expect, it } from "vitest";
import { readShare } from "../src/share.js";

describe("matcher share", () => {
  it("defaults to the one replica of one", () => {
    expect(readShare({})).toEqual({ replica: 0, replicas: 1 });
  });

  it("reads the replica of a StatefulSet", () => {
    expect(readShare({ MATCHER_REPLICA: "1", MATCHER_REPLICAS: "3" })).toEqual({ replica: 1, replicas: 3 });
  });

  it("refuses a replica index outside the count", () => {
    expect(() => readShare({ MATCHER_REPLICA: "2", MATCHER_REPLICAS: "2" })).toThrow(NexusError);
  });
});
