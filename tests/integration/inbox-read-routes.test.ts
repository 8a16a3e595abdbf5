// Issue 18: the inbox's hottest reads are answered before Next.js (lib/http/serve-before-next.ts), on a
// real node:http server mounted as start-server.ts mounts it. They must answer exactly what the
// domain functions answer, and refuse exactly what a route handler refuses: no session, an ended
// session, an admin tab asked by an agent, another shop's conversation, a malformed id or cursor.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-token";
import { deleteSessions } from "@/lib/auth/end-sessions";
import { db } from "@/lib/db";
import { readRoutesBeforeNext } from "@/lib/http/serve-before-next";
import { inboxReadRoutes } from "@/lib/inbox/inbox-read-routes";
import { conversationCounts } from "@/lib/inbox/conversation-counts";
import { listConversations } from "@/lib/inbox/list-conversations";
import { guardHttpRequest } from "@/lib/server/guard-http-request";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createSalesRule, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { addMessages } from "../support/inbox-fixtures";
import { sessionCookie } from "../support/socket-client";

const APP_ORIGIN = "http://localhost:3000";
let server: Server;
let base: string;
const leftToNext: string[] = [];

beforeAll(async () => {
  const serveInboxReads = readRoutesBeforeNext(inboxReadRoutes);
  server = createServer((request, response) => {
    if (guardHttpRequest(request, response, APP_ORIGIN) || serveInboxReads(request, response)) return;
    leftToNext.push(`${request.method} ${request.url}`);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let agent: SessionUser;
let agentCookie: string;
let conversationId: string;
let otherShopConversationId: string;

beforeEach(async () => {
  await resetDatabase();
  leftToNext.length = 0;
  const { workspaceId, admin } = await createWorkspace("Shop Lan");
  [agent] = (await createStaff(workspaceId, 1)) as [SessionUser];
  const channelId = await createChannel(workspaceId, admin.id);
  await createSalesRule(admin, [channelId], [agent]);
  conversationId = await receiveNewConversation(channelId);
  await db().conversation.update({ where: { id: conversationId }, data: { unreadCount: 2 } });
  await addMessages(conversationId, 3, { start: new Date("2026-12-01T08:00:00Z") });
  agentCookie = await sessionCookie(agent);

  const other = await createWorkspace("Shop khác");
  otherShopConversationId = await receiveNewConversation(await createChannel(other.workspaceId, other.admin.id));
});

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

async function errorOf(response: Response): Promise<{ status: number; code: string; reason?: string }> {
  const { error } = (await response.json()) as { error: { code: string; params: { reason?: string } } };
  return { status: response.status, code: error.code, reason: error.params.reason };
}

describe("issue 18: the inbox reads served before Next.js", () => {
  it("answer what the domain functions answer, as private JSON with the security headers", async () => {
    const list = await get("/api/conversations?tab=mine", agentCookie);
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toBe("application/json");
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    expect(list.headers.get("x-frame-options")).toBe("DENY");
    expect(list.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const body = (await list.json()) as { conversations: Array<{ id: string }> };
    expect(body.conversations.map((conversation) => conversation.id)).toEqual([conversationId]);
    expect(body).toEqual(JSON.parse(JSON.stringify(await listConversations(agent, { tab: "mine" }))));

    const counts = await get("/api/conversations/counts", agentCookie);
    expect(await counts.json()).toEqual({ counts: await conversationCounts(agent) });
    expect(await conversationCounts(agent)).toMatchObject({ mine: 1 });

    const thread = (await (await get(`/api/conversations/${conversationId}/messages`, agentCookie)).json()) as { messages: Array<{ text: string }> };
    expect(thread.messages.map((message) => message.text)).toHaveLength(3);
    expect(leftToNext).toEqual([]);
  });

  it("refuse a visitor without a session, and a session that has ended, though its cookie was just accepted", async () => {
    expect(await errorOf(await get("/api/conversations"))).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(await errorOf(await get("/api/conversations/counts", "next-auth.session-token=not-a-token"))).toMatchObject({ status: 401 });
    expect((await get("/api/conversations/counts", agentCookie)).status).toBe(200);
    await deleteSessions(db(), { userId: agent.id });
    expect(await errorOf(await get("/api/conversations/counts", agentCookie))).toMatchObject({ status: 401, code: "unauthenticated" });
    expect(await errorOf(await get(`/api/conversations/${conversationId}/messages`, agentCookie))).toMatchObject({ status: 401 });
  });

  it("refuse what the agent may not see, and malformed ids and cursors, as the route handlers do", async () => {
    expect(await errorOf(await get("/api/conversations?tab=all", agentCookie))).toMatchObject({ status: 403, code: "forbidden" });
    expect((await get(`/api/conversations/${otherShopConversationId}/messages`, agentCookie)).status).toBe(404);
    for (const badId of ["abc%00", "a%0Ab", "%E0%A4%A", "a".repeat(65)]) {
      expect(await errorOf(await get(`/api/conversations/${badId}/messages`, agentCookie)), badId).toMatchObject({
        status: 400,
        code: "invalid_input",
        reason: "invalid_id",
      });
    }
    const impossibleCursor = Buffer.from(JSON.stringify([8.64e15 + 1, "c1"])).toString("base64url");
    expect((await get(`/api/conversations/${conversationId}/messages?before=${impossibleCursor}`, agentCookie)).status).toBe(400);
    expect((await get(`/api/conversations?cursor=${impossibleCursor}`, agentCookie)).status).toBe(400);
    expect((await get("/api/conversations?q=Lan%00", agentCookie)).status).toBe(400);
  });

  it("leave every other method and address to Next.js", async () => {
    await fetch(`${base}/api/conversations/${conversationId}/messages`, {
      method: "POST",
      headers: { cookie: agentCookie, origin: APP_ORIGIN, "content-type": "application/json" },
      body: "{}",
    });
    await get(`/api/conversations/${conversationId}`, agentCookie);
    await get("/api/conversations/changes?since=1", agentCookie);
    expect(leftToNext).toEqual([
      `POST /api/conversations/${conversationId}/messages`,
      `GET /api/conversations/${conversationId}`,
      "GET /api/conversations/changes?since=1",
    ]);
  });
});
