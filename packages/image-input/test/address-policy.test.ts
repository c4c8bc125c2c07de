import { describe, expect, it } from "vitest";
import { blockedAddressReason } from "../src/index.js";

describe("blockedAddressReason", () => {
  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "2002:7f00:1::1",
    "ff02::1",
  ])("blocks %s", (address) => {
    expect(blockedAddressReason(address)).toBeTypeOf("string");
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(blockedAddressReason(address)).toBeUndefined();
    },
  );

  it("rejects non-addresses", () => {
    expect(blockedAddressReason("localhost")).toBe("not an IP address");
  });
});
