// Three app processes behind nginx act as one app: a webhook received by one process reaches the
// sockets of the people allowed to see it on every process, and nobody else; Socket.io's
// long-polling works through nginx, because nginx keeps each client on one process; simultaneous
// claims and first messages arriving through all three are serialised in the database.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import type { SessionUser } from "@/lib/auth/session-token";
import { ORIGIN, openClusterSocket, recorder, routeCookie, startTestCluster, type TestCluster } from "../support/cluster-harness";
import { seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";
import { messengerFixture } from "../support/messenger-fixtures";
import { createRule } from "@/lib/assignment/save-rule";
import { createChannel, createStaff, receiveNewConversation, runConcurrently } from "../support/assignment-fixtures";
import { connected, sessionCookie } from "../support/socket-client";

let emulator: MetaEmulator;
let world: WebhookWorld;
let agent: SessionUser;
let cluster: TestCluster;
const sockets: Socket[] = [];

beforeAll(async () => {
  emulator = await startProfileEmulator();
  world = await seedWebhookWorld(emulator);
  [agent] = (await createStaff(world.workspaceId, 1)) as [SessionUser];
  // Customer 3 (page B) already talks to the agent; customer 2 (page A, "only me") is the admin's alone.
  const contact = await db().contact.create({
    data: { channelId: world.channelB.id, platformUserId: world.customers.customer3.psid, name: world.customers.customer3.name, profileFetchedAt: new Date() },
  });
  await db().conversation.create({
    data: { workspaceId: world.workspaceId, channelId: world.channelB.id, contactId: contact.id, assigneeId: agent.id, state: "assigned", lastMessageAt: new Date() },
  });
  cluster = await startTestCluster(3);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await cluster?.stop();
  await emulator?.close();
});

function track(socket: Socket): Socket {
  sockets.push(socket);
  return socket;
}

async function postWebhook(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/api/webhooks/facebook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(env().META_APP_SECRET ?? "", body) },
    body,
  });
  expect(response.status).toBe(200);
}

const messageText = (name: string, payload: unknown) => (name === "message:upsert" ? ((payload as { message: { text: string | null } }).message.text ?? "") : null);

describe("three processes behind nginx", () => {
  it("a webhook received by process C reaches the admin's sockets on A and B, and not the agent's on C", async () => {
    const adminCookie = await sessionCookie({ id: world.adminId, role: "admin", workspaceId: world.workspaceId });
    const onA = recorder(await connected(track(openClusterSocket(cluster.appUrl(0), adminCookie))));
    const onB = recorder(await connected(track(openClusterSocket(cluster.appUrl(1), adminCookie))));
    const agentOnC = recorder(await connected(track(openClusterSocket(cluster.appUrl(2), await sessionCookie(agent)))));

    // One body, two pages: customer 2 writes to page A (the admin's alone), customer 3 to page B (the agent's).
    await postWebhook(cluster.appUrl(2), messengerFixture("multi-page.json", world.values));

    const fromCustomer2 = (name: string, payload: unknown) => messageText(name, payload) === "Shop ơi";
    const fromCustomer3 = (name: string, payload: unknown) => messageText(name, payload) === "Còn hàng không?";
    await onA.until(fromCustomer2);
    await onB.until(fromCustomer2);
    // The agent's own message comes in the same published batch, so once it is here, anything
    // about customer 2's message that was going to reach the agent would have too.
    await agentOnC.until(fromCustomer3);
    expect(agentOnC.events.filter((event) => fromCustomer2(event.name, event.payload))).toEqual([]);
    expect(agentOnC.events.filter((event) => event.name === "conversation:upsert" && JSON.stringify(event.payload).includes("Shop ơi"))).toEqual([]);
  });

  it("Socket.io long-polling works through nginx: each client stays on one process", async () => {
    const adminCookie = await sessionCookie({ id: world.adminId, role: "admin", workspaceId: world.workspaceId });
    // Six browsers, each with the route cookie nginx gave its first page; without stickiness a
    // polling client's requests land on processes that never saw its handshake ("Session ID unknown").
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const socket = track(openClusterSocket(ORIGIN, `${adminCookie}; ${await routeCookie()}`, ["polling"]));
        return recorder(await connected(socket));
      }),
    );
    const body = messengerFixture("text.json", world.values);
    await postWebhook(cluster.appUrl(0), body);
    const fromCustomer1 = (name: string, payload: unknown) => messageText(name, payload) === "Chào shop, áo này còn size M không ạ?";
    await Promise.all(clients.map((client) => client.until(fromCustomer1)));
    expect(sockets.filter((socket) => socket.io.engine?.transport.name === "polling").every((socket) => socket.connected)).toBe(true);
  });

  it("of 50 simultaneous \"Nhận chat\" spread over the three processes exactly one wins", async () => {
    const admin = { id: world.adminId, role: "admin" as const, workspaceId: world.workspaceId };
    const members = await createStaff(world.workspaceId, 50);
    const channelId = await createChannel(world.workspaceId, admin.id);
    await createRule({ ...admin, email: "admin@hoamai.vn", name: "Chủ shop" }, {
      name: "Tự nhận",
      sourceChannelIds: [channelId],
      memberEmails: members.map((member) => member.email),
      method: "self_claim",
      oldConversationPolicy: "keep_unassigned",
      moveSources: false,
    });
    const conversationId = await receiveNewConversation(channelId);
    const cookies = await Promise.all(members.map((member) => sessionCookie(member)));

    const statuses = await Promise.all(
      members.map(async (_, index) => {
        const response = await fetch(`${cluster.appUrl(index % 3)}/api/conversations/${conversationId}/claim`, {
          method: "POST",
          headers: { cookie: cookies[index] as string, origin: ORIGIN },
        });
        return response.status;
      }),
    );

    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = members[statuses.indexOf(200)];
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ state: "assigned", assigneeId: winner?.id });
    expect(await db().assignmentEvent.findMany({ where: { conversationId }, select: { kind: true, toUserId: true } })).toEqual([{ kind: "claimed", toUserId: winner?.id }]);
  });

  it("1,000 first messages arriving through all three processes: round-robin spread within one, one assignment each", async () => {
    const admin = { id: world.adminId, role: "admin" as const, workspaceId: world.workspaceId, email: "admin@hoamai.vn", name: "Chủ shop" };
    const members = await createStaff(world.workspaceId, 7);
    const pageId = "1090000000000777";
    const channelId = await createChannel(world.workspaceId, admin.id, { externalId: pageId });
    const rule = await createRule(admin, {
      name: "Bán hàng",
      sourceChannelIds: [channelId],
      memberEmails: members.map((member) => member.email),
      method: "round_robin",
      oldConversationPolicy: "keep_unassigned",
      moveSources: false,
    });
    await db().assignmentRule.update({ where: { id: rule.id }, data: { onlyAvailable: false } });

    const firstMessage = (index: number) =>
      JSON.stringify({
        object: "page",
        entry: [{ id: pageId, time: Date.now(), messaging: [{ sender: { id: `29000000${String(index).padStart(6, "0")}` }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid: `m_rr_${index}`, text: `Khách ${index}` } }] }],
      });
    await runConcurrently(1000, 24, (index) => postWebhook(cluster.appUrl(index % 3), firstMessage(index)));

    // Every acknowledged webhook is processed by some process; wait until all 1,000 are routed.
    while ((await db().conversation.count({ where: { channelId, assigneeId: { not: null } } })) < 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const groups = await db().conversation.groupBy({ by: ["assigneeId"], where: { channelId }, _count: { _all: true } });
    const perMember = members.map((member) => groups.find((group) => group.assigneeId === member.id)?._count._all ?? 0);
    expect(perMember.reduce((sum, count) => sum + count, 0)).toBe(1000);
    expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);
    const events = await db().assignmentEvent.findMany({ where: { conversation: { channelId } }, select: { conversationId: true } });
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((event) => event.conversationId)).size).toBe(1000);
  });
});
