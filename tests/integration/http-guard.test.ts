// Items 2 and 4 at the custom server's door: every answer carries the security headers, and a
// cross-site write to /api is refused before it reaches the webhook fast path or Next.js.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardHttpRequest } from "@/lib/server/guard-http-request";

const APP_ORIGIN = "http://localhost:3000";
let server: Server;
let base: string;
const reachedApp: string[] = [];

beforeAll(async () => {
  // As start-server.ts mounts it; the "app" behind it records what got through and redirects like a page.
  server = createServer((request, response) => {
    if (guardHttpRequest(request, response, APP_ORIGIN)) return;
    reachedApp.push(`${request.method} ${request.url}`);
    if (request.url === "/api/uploads/u1") response.setHeader("content-security-policy", "default-src 'none'; sandbox");
    response.writeHead(request.url === "/inbox" ? 307 : 200, request.url === "/inbox" ? { location: "/sign-in" } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: "manual", ...init });

describe("item 2: cross-site requests at the custom server", () => {
  it("refuses a text/plain form POST from another port of the same host before the app sees it", async () => {
    reachedApp.length = 0;
    const response = await send("/api/staff", {
      method: "POST",
      headers: { origin: "http://localhost:4000", "content-type": "text/plain" },
      body: '{"name":"Eve","email":"eve@evil.example","role":"admin","password":"eve-pass-1"}',
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/cross-site/i) });
    expect(reachedApp).toEqual([]);
  });

  it("refuses by Referer when there is no Origin, and lets our own pages and webhooks through", async () => {
    reachedApp.length = 0;
    expect((await send("/api/staff/u1", { method: "PATCH", headers: { referer: "https://evil.example/x" } })).status).toBe(403);
    expect((await send("/api/staff", { method: "POST", headers: { origin: APP_ORIGIN } })).status).toBe(200);
    expect((await send("/api/webhooks/facebook", { method: "POST", headers: { origin: "https://www.facebook.com" } })).status).toBe(200);
    expect(reachedApp).toEqual(["POST /api/staff", "POST /api/webhooks/facebook"]);
  });
});

/** A POST with the request target exactly as written (fetch would resolve the dot segments first). */
const rawPost = (target: string, origin: string) =>
  new Promise<number>((resolve, reject) => {
    const url = new URL(base);
    httpRequest({ host: url.hostname, port: url.port, path: target, method: "POST", headers: { origin } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });

describe("item 2: cross-site requests — the path is judged as routed", () => {
  it("refuses a write that spells its way through the webhook exemption", async () => {
    reachedApp.length = 0;
    expect(await rawPost("/api/webhooks/../staff", "https://evil.example")).toBe(403);
    expect(await rawPost("/api/webhooks/%2e%2e/staff", "https://evil.example")).toBe(403);
    expect(await rawPost("http://localhost:3000/api/staff", "https://evil.example")).toBe(403);
    expect(reachedApp).toEqual([]);
  });
});

describe("item 4: security headers at the custom server", () => {
  it.each([
    ["an API answer", "/api/conversations", "GET"],
    ["a redirect", "/inbox", "GET"],
    ["a refusal", "/api/staff", "POST"],
  ])("are on %s", async (_name, path, method) => {
    const response = await send(path, { method, headers: { origin: "https://evil.example" } });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("leave an answer's own policy alone (uploads are sandboxed)", async () => {
    const response = await send("/api/uploads/u1");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});
