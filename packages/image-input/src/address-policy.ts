import { BlockList, isIP } from "node:net";

// Everything an image URL must never reach: this host, private networks, link-local (which holds the
// cloud metadata endpoints 169.254.169.254 and fd00:ec2::254), carrier NAT, multicast and reserved space.
const BLOCKED_V4: readonly [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];
const BLOCKED_V6: readonly [string, number][] = [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
];

// Two lists: a BlockList also matches IPv4 addresses against IPv6 rules (as mapped addresses),
// so mixing them would block all of IPv4. Mapped/embedded IPv4 is unwrapped by hand instead.
const blockedV4 = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blockedV4.addSubnet(net, prefix, "ipv4");
const blockedV6 = new BlockList();
for (const [net, prefix] of BLOCKED_V6) blockedV6.addSubnet(net, prefix, "ipv6");

/** The IPv4 address an IPv6 address embeds and routes to (mapped, NAT64, 6to4), if any. */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  const pair = hex ?? sixToFour;
  if (!pair) return undefined;
  const hi = Number.parseInt(pair[1] as string, 16);
  const lo = Number.parseInt(pair[2] as string, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** Why an address may not be fetched from, or undefined when it is a public unicast address. */
export function blockedAddressReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  if (family === 4)
    return blockedV4.check(address, "ipv4") ? "private, loopback, link-local or reserved IPv4" : undefined;
  const inner = embeddedV4(address);
  if (inner !== undefined && blockedAddressReason(inner) !== undefined) return "IPv6 address embedding a blocked IPv4";
  if (inner === undefined && blockedV6.check(address, "ipv6")) return "private, loopback, link-local or reserved IPv6";
  return undefined;
}
