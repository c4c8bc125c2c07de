import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { blockedAddressReason } from "@nexus/image-input";
import type { AttemptResult, WebhookRequest, WebhookTransport } from "../core/types.js";

export interface HttpTransportOptions {
  /** Let webhooks reach loopback, private and link-local addresses (tests, on-premise receivers). Default false. */
  readonly allowPrivateNetworks?: boolean;
  /** Test seam: host name → addresses. Default: the system resolver. */
  readonly resolveHost?: (host: string) => Promise<string[]>;
}

async function systemResolve(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((record) => record.address);
}

const failed = (message: string, retryable: boolean): AttemptResult => ({
  kind: "error",
  code: "NEXUS_WEBHOOK_FAILED",
  message,
  retryable,
});

/**
 * POSTs over node:http(s). The host is resolved once, every address must pass the SSRF policy, and
 * the socket connects to the vetted address (no second lookup a hostile DNS could answer differently).
 * Redirects are never followed: a 3xx is the receiver's answer.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): WebhookTransport {
  const resolveHost = options.resolveHost ?? systemResolve;
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failed("invalid webhook URL", false);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return refused(`scheme ${url.protocol} is not allowed`);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : await resolveHost(host);
    } catch (thrown) {
      return failed(`cannot resolve ${host}: ${(thrown as Error).message}`, true);
    }
    if (addresses.length === 0) return failed(`no address for ${host}`, true);
    // All of them: a name with one public and one private record is treated as hostile.
    for (const address of addresses) {
      const reason = blockedAddressReason(address);
      if (reason !== undefined && options.allowPrivateNetworks !== true)
        return refused(`${host} resolves to ${address}: ${reason}`);
    }
    return post(url, addresses[0] as string, request);
  };
}

function refused(message: string): AttemptResult {
  return { kind: "error", code: "NEXUS_WEBHOOK_REFUSED", message, retryable: false };
}

function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_host, lookupOptions, callback) => {
    if (lookupOptions.all)
      (callback as (error: null, all: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function post(url: URL, address: string, request: WebhookRequest): Promise<AttemptResult> {
  const client = url.protocol === "https:" ? https : http;
  const signal = AbortSignal.timeout(request.timeoutMs);
  const body = Buffer.from(request.body, "utf8");
  return new Promise<AttemptResult>((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinnedLookup(address),
        agent: false,
        signal,
        headers: { ...request.headers, "content-length": String(body.length) },
      },
      (res) => {
        // The body is not needed; draining it lets the socket close cleanly.
        res.resume();
        resolve({ kind: "response", status: res.statusCode ?? 0 });
      },
    );
    req.on("error", (cause) => {
      const message = signal.aborted ? `timed out after ${request.timeoutMs} ms` : `request failed: ${cause.message}`;
      resolve(failed(`${url.host}: ${message}`, true));
    });
    req.end(body);
  });
}
