import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { NexusError } from "@nexus/errors";
import { blockedAddressReason } from "./address-policy.js";

export interface FetchLimits {
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly resolveHost: (host: string) => Promise<string[]>;
  readonly unsafeAllowPrivateAddress?: ((address: string, host: string) => boolean) | undefined;
}

export async function systemResolveHost(host: string): Promise<string[]> {
  const records = await lookup(host, { all: true, verbatim: true });
  return records.map((record) => record.address);
}

/**
 * GETs an http(s) image under the SSRF rules: the host is resolved once, every address it resolves
 * to must be public, and the socket connects to that vetted address (no second resolution an
 * attacker's DNS could answer differently). Redirects are followed by hand, each hop re-checked.
 */
export async function safeFetch(url: string, limits: FetchLimits, signal: AbortSignal): Promise<Buffer> {
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    const address = await vetHost(current, limits);
    const response = await request(current, address, limits.maxBytes, signal);
    if (response.kind === "body") return response.body;
    if (hop >= limits.maxRedirects) {
      throw new NexusError("NEXUS_IMAGE_FETCH", `more than ${limits.maxRedirects} redirects`, { details: { url } });
    }
    current = parseHttpUrl(new URL(response.location, current).href);
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new NexusError("NEXUS_IMAGE_FETCH", "invalid image URL", { cause, details: { url: raw } });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NexusError("NEXUS_IMAGE_BLOCKED", `scheme ${url.protocol} is not allowed`, { details: { url: raw } });
  }
  if (url.username || url.password) {
    throw new NexusError("NEXUS_IMAGE_BLOCKED", "credentials in image URLs are not allowed", {
      details: { host: url.host },
    });
  }
  return url;
}

async function vetHost(url: URL, limits: FetchLimits): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await limits.resolveHost(host);
  } catch (cause) {
    throw new NexusError("NEXUS_IMAGE_FETCH", `cannot resolve ${host}`, { cause, retryable: true, details: { host } });
  }
  if (addresses.length === 0)
    throw new NexusError("NEXUS_IMAGE_FETCH", `no address for ${host}`, { details: { host } });
  // All, not just the first: a name with one public and one private record is treated as hostile.
  for (const address of addresses) {
    const reason = blockedAddressReason(address);
    if (reason !== undefined && limits.unsafeAllowPrivateAddress?.(address, host) !== true) {
      throw new NexusError("NEXUS_IMAGE_BLOCKED", `${host} resolves to ${address}: ${reason}`, {
        details: { host, address, reason },
      });
    }
  }
  return addresses[0] as string;
}

type Outcome = { kind: "body"; body: Buffer } | { kind: "redirect"; location: string };

function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_host, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function request(url: URL, address: string, maxBytes: number, signal: AbortSignal): Promise<Outcome> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Outcome>((resolve, reject) => {
    const req = client.get(
      url,
      { lookup: pinnedLookup(address), agent: false, signal, headers: { accept: "image/*" } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ kind: "redirect", location: res.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          const retryable = status === 429 || status >= 500;
          reject(
            new NexusError("NEXUS_IMAGE_FETCH", `HTTP ${status}`, { retryable, details: { status, host: url.host } }),
          );
          return;
        }
        readCapped(res, maxBytes).then(
          (body) => resolve({ kind: "body", body }),
          (cause: Error) => reject(networkError(cause, url, signal)),
        );
      },
    );
    req.on("error", (cause) => reject(networkError(cause, url, signal)));
  });
}

function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes) {
    res.destroy();
    return Promise.reject(tooLarge(declared, maxBytes));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    res.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        res.destroy();
        reject(tooLarge(total, maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    res.on("end", () => resolve(Buffer.concat(chunks)));
    res.on("error", reject);
  });
}

export function tooLarge(bytes: number, maxBytes: number): NexusError {
  return new NexusError("NEXUS_IMAGE_TOO_LARGE", `image is larger than ${maxBytes} bytes`, {
    details: { bytes, maxBytes },
  });
}

function networkError(cause: Error, url: URL, signal: AbortSignal): NexusError {
  if (cause instanceof NexusError) return cause;
  if (signal.aborted)
    return new NexusError("NEXUS_IMAGE_TIMEOUT", "image fetch timed out", {
      cause,
      retryable: true,
      details: { host: url.host },
    });
  return new NexusError("NEXUS_IMAGE_FETCH", `fetch failed: ${cause.message}`, {
    cause,
    retryable: true,
    details: { host: url.host },
  });
}
