// Item 2 (cross-site requests) and the JSON body cap of item 6: the shared checks, readJson's
// refusals, and the Meta emulator's own check on its control API.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "@/lib/http/json-route";
import { MAX_JSON_BODY_BYTES, comesFromOrigin, isCrossSiteApiWrite, isJsonContentType, routedPath } from "@/lib/http/same-origin";
import { startEmulatorHarness } from "../support/meta-emulator-harness";

const APP = "http://localhost:3000";
const schema = z.object({ name: z.string() });
const post = (body: BodyInit, contentType: string | null) =>
  new Request(`${APP}/api/staff`, { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });

describe("item 2: cross-site requests — the shared origin check", () => {
  it("refuses a write to /api from another origin, another port of the same host included", () => {
    expect(isCrossSiteApiWrite("POST", "/api/staff", { origin: "http://localhost:4000" }, APP)).toBe(true);
    expect(isCrossSiteApiWrite("DELETE", "/api/rules/r1", { origin: "https://evil.example" }, APP)).toBe(true);
    expect(isCrossSiteApiWrite("PATCH", "/api/staff/u1", { origin: "null" }, APP)).toBe(true);
  });

  it("falls back to Referer when there is no Origin", () => {
    expect(isCrossSiteApiWrite("POST", "/api/staff", { referer: "http://localhost:4000/form.html" }, APP)).toBe(true);
    expect(isCrossSiteApiWrite("POST", "/api/staff", { referer: "http://localhost:3000/settings/staff" }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("POST", "/api/staff", { referer: "not a url" }, APP)).toBe(true);
  });

  it("lets through our own pages, reads, webhooks and requests that no browser page sent", () => {
    expect(isCrossSiteApiWrite("POST", "/api/staff", { origin: APP }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("POST", "/api/auth/callback/credentials", { origin: APP }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("GET", "/api/conversations", { origin: "https://evil.example" }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("POST", "/api/webhooks/facebook/deauthorize", { origin: "https://www.facebook.com" }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("POST", "/inbox", { origin: "https://evil.example" }, APP)).toBe(false);
    expect(isCrossSiteApiWrite("POST", "/api/staff", {}, APP)).toBe(false);
    expect(comesFromOrigin({ origin: "http://localhost:3000" }, "http://localhost:3000/")).toBe(true);
  });

  it("judges the path a request is routed to, not the one it spells", () => {
    expect(routedPath("/api/webhooks/../staff")).toBe("/api/staff");
    expect(routedPath("/api/webhooks/%2e%2E/staff?x=1")).toBe("/api/staff");
    expect(routedPath("/api//webhooks/facebook")).toBe("/api/webhooks/facebook");
    expect(routedPath("//api/staff")).toBe("/api/staff");
    expect(routedPath("http://localhost:3000/api/staff")).toBe("/api/staff");
    expect(routedPath("http://[")).toBeNull();
    expect(isCrossSiteApiWrite("POST", routedPath("/api/webhooks/../staff")!, { origin: "https://evil.example" }, APP)).toBe(true);
  });

  it("accepts only application/json as a JSON body", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", null]) {
      expect(isJsonContentType(type)).toBe(false);
    }
  });
});

describe("item 2: cross-site requests — readJson refuses what a cross-site form can send", () => {
  it("answers 415 to a text/plain body that holds JSON (the form that created an admin)", async () => {
    await expect(readJson(post('{"name":"Eve"}', "text/plain"), schema)).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
    await expect(readJson(post("name=Eve", "application/x-www-form-urlencoded"), schema)).rejects.toMatchObject({ status: 415 });
    await expect(readJson(post('{"name":"Eve"}', null), schema)).rejects.toMatchObject({ status: 415 });
  });

  it("reads an application/json body", async () => {
    await expect(readJson(post('{"name":"Hà"}', "application/json; charset=utf-8"), schema)).resolves.toEqual({ name: "Hà" });
  });
});

describe("item 6: JSON bodies are capped before parsing", () => {
  const bigBody = () => JSON.stringify({ name: "x".repeat(MAX_JSON_BODY_BYTES) });

  it("answers 413 to a body over 1 MB announced by Content-Length", async () => {
    const request = new Request(`${APP}/api/staff`, {
      method: "POST",
      body: bigBody(),
      headers: { "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES + 20) },
    });
    await expect(readJson(request, schema)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("answers 413 to a streamed body over 1 MB that announces no length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * MAX_JSON_BODY_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${APP}/api/staff`, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    await expect(readJson(request, schema)).rejects.toMatchObject({ status: 413 });
    // It stopped reading at the cap rather than taking the whole body in.
    expect(sent).toBeLessThan(2 * MAX_JSON_BODY_BYTES);
  });

  it("still reads a body just under the cap", async () => {
    const name = "x".repeat(MAX_JSON_BODY_BYTES - 20);
    await expect(readJson(post(JSON.stringify({ name }), "application/json"), schema)).resolves.toEqual({ name });
  });
});

describe("item 2: cross-site requests — the Meta emulator's control API", async () => {
  const { emulator } = await startEmulatorHarness();
  const addCustomer = (headers: Record<string, string>) =>
    fetch(`${emulator.url}/_emulator/customers`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ pageId: emulator.world.pages[0]!.id, firstName: "Hà", lastName: "Phạm" }),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it("refuses a write from a page of another origin, by Origin or by Referer, and changes nothing", async () => {
    const customers = emulator.world.customers.length;
    const byOrigin = await addCustomer({ origin: "http://localhost:3000" });
    expect(byOrigin.status).toBe(403);
    expect(byOrigin.body.error.message).toMatch(/cross-origin/i);
    expect((await addCustomer({ referer: "https://evil.example/page.html" })).status).toBe(403);
    expect((await addCustomer({ origin: "null" })).status).toBe(403);
    expect(emulator.world.customers.length).toBe(customers);
  });

  it("takes writes from its own customer page and from scripts", async () => {
    const host = new URL(emulator.url).host;
    const customers = emulator.world.customers.length;
    expect((await addCustomer({ origin: `http://${host}` })).status).toBe(201);
    expect((await addCustomer({ referer: `http://${host}/_emulator` })).status).toBe(201);
    expect((await addCustomer({})).status).toBe(201);
    expect(emulator.world.customers.length).toBe(customers + 3);
  });
});
