// The address a request really comes from, for sign-in throttling. X-Forwarded-For is written by
// whoever sends the request, so it is believed only as far as it was appended by proxies listed in
// TRUSTED_PROXIES: walking it from the right, each trusted hop vouches for the address before it.
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * Set by the custom server on every request from the socket (overwriting anything the client sent),
 * because next-auth's authorize sees headers only.
 */
export const CLIENT_ADDRESS_HEADER = "x-chat-client-address";

/** One TRUSTED_PROXIES entry: an address (`10.0.0.5`, `::1`) or a CIDR block (`10.0.0.0/8`). */
export function isProxyEntry(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** A valid address in one spelling per client: IPv4 clients of a dual-stack socket arrive as `::ffff:a.b.c.d`. */
function normalize(address: string | undefined): string | undefined {
  const trimmed = address?.trim() ?? "";
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(unmapped) === 0 ? undefined : unmapped.toLowerCase();
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the rightmost
 * X-Forwarded-For entry not added by a trusted proxy. A malformed entry ends the walk at the last
 * trusted hop (stricter throttling for those clients, never an address the client chose).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | undefined {
  let address = normalize(peer);
  if (!address) return undefined;
  const hops = [forwardedFor ?? []].flat().join(",").split(",");
  while (isTrusted(address, trusted) && hops.length > 0) {
    const previous = normalize(hops.pop());
    if (!previous) break;
    address = previous;
  }
  return address;
}

/** Writes CLIENT_ADDRESS_HEADER on an incoming request, replacing whatever the client put there. */
export function stampClientAddress(request: IncomingMessage, trusted: BlockList): void {
  const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
}

/** Reads the stamped address in a route handler (`Headers`) or in next-auth's authorize (a plain record). */
export function clientAddressFromHeaders(headers: Headers | Record<string, unknown>): string | undefined {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value !== "" ? value : undefined;
}
