// Issue 9, item 5: the client address that sign-in throttling counts comes from the socket; only
// proxies named in TRUSTED_PROXIES may say otherwise through X-Forwarded-For.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, isProxyEntry, stampClientAddress, trustedProxyList } from "@/lib/http/client-address";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"]);

/** What a handler behind stampClientAddress reads, for a request from this machine with `headers`. */
async function stampedAddress(trusted: ReturnType<typeof trustedProxyList>, headers: Record<string, string>): Promise<string | undefined> {
  const server = createServer((request, response) => {
    stampClientAddress(request, trusted);
    response.end(request.headers[CLIENT_ADDRESS_HEADER] ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    return await new Promise((resolve, reject) => {
      httpRequest({ host: "127.0.0.1", port, headers }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(body || undefined));
      })
        .on("error", reject)
        .end();
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("item 5: the client address for throttling", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
  });

  it("believes a trusted proxy, walking from the right past every trusted hop", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client wrote the left entry itself; the proxies appended the rest.
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.0.2.7", proxies)).toBe("198.51.100.1");
    expect(clientAddress("2001:db8::1", ["6.6.6.6", "2001:DB8::2, 2400:cb00::9"], proxies)).toBe("2400:cb00::9");
  });

  it("stops at the last trusted hop when an entry is not an address", () => {
    expect(clientAddress("10.1.2.3", "not-an-ip", proxies)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "198.51.100.1, ", proxies)).toBe("10.1.2.3");
  });

  it("spells an IPv4 client of a dual-stack socket as IPv4, and trusts it as such", () => {
    expect(clientAddress("::ffff:203.0.113.5", undefined, none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:10.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
  });

  it("the server overwrites a forged address header and ignores a forged X-Forwarded-For", async () => {
    const forged = { "x-forwarded-for": "198.51.100.1", [CLIENT_ADDRESS_HEADER]: "198.51.100.2" };
    expect(await stampedAddress(none, forged)).toBe("127.0.0.1");
  });

  it("the server honours X-Forwarded-For when the peer is a trusted proxy", async () => {
    expect(await stampedAddress(trustedProxyList(["127.0.0.1"]), { "x-forwarded-for": "198.51.100.1" })).toBe("198.51.100.1");
  });

  it("accepts addresses and CIDR blocks as TRUSTED_PROXIES entries, nothing else", () => {
    for (const entry of ["10.0.0.5", "10.0.0.0/8", "::1", "2001:db8::/32", "0.0.0.0/0"]) expect(isProxyEntry(entry)).toBe(true);
    for (const entry of ["10.0.0.0/33", "::/129", "10.0.0/8", "proxy.local", "10.0.0.0/8/1", "10.0.0.0/", "10.0.0.0/x"]) expect(isProxyEntry(entry)).toBe(false);
  });
});
