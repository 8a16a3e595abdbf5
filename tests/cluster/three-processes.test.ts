// Three app processes behind nginx act as one app: a webhook received by one process reaches the
// sockets of the people allowed to see it on every process, and nobody else; Socket.io's
// long-polling works through nginx, because nginx keeps each client on one process; simultaneous
// claims and first messages arriving through all three are serialised in the database.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import { subscribePageWebhooks } from "@/lib/channels/facebook/page-subscription";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import type { SessionUser } from "@/lib/auth/session-token";
import { FIRST_APP_PORT, ORIGIN, openClusterSocket, recorder, routeCookie, startTestCluster, type TestCluster } from "../support/cluster-harness";
import { seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";
import { messengerFixture } from "../support/messenger-fixtures";
import { createRule } from "@/lib/assignment/save-rule";
import { createChannel, createSalesRule, createStaff, receiveNewConversation, runConcurrently } from "../support/assignment-fixtures";
import { connected, sessionCookie } from "../support/socket-client";
import { emulatorControl } from "../support/app-emulator";
import { addConversation } from "../support/inbox-fixtures";
import { io as connectSocket } from "socket.io-client";

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
    const rule = await createSalesRule(admin, [channelId], members);
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

  it("kill -9 of one process in a webhook burst and a reply burst: nothing acknowledged is lost or doubled, replies go out once and in order, its sockets reconnect through nginx", async () => {
    // A customer who wrote just now to a page of its own, talking to an agent.
    const page = emulator.world.pages.find((candidate) => ![world.values.PAGE_A, world.values.PAGE_B].includes(candidate.id) && emulator.world.roles.some((role) => role.pageId === candidate.id && role.tasks.includes("MANAGE")));
    const pageAdmin = emulator.world.roles.find((role) => role.pageId === page?.id && role.tasks.includes("MANAGE"));
    if (!page || !pageAdmin) throw new Error("The emulator's seed has no third page with an admin");
    const { pageToken } = await emulatorControl<{ pageToken: string }>(emulator, "tokens", { userId: pageAdmin.userId, pageId: page.id });
    const { psid } = await emulatorControl<{ psid: string }>(emulator, "messages", { pageId: page.id, customer: { firstName: "Hà", lastName: "Vũ" }, text: "Shop ơi" });
    const [replier] = (await createStaff(world.workspaceId, 1)) as [SessionUser];
    const channelId = await createChannel(world.workspaceId, world.adminId, { externalId: page.id, name: page.name, pageToken });
    const conversationId = await addConversation({ channelId, customer: "Vũ Hà", psid, assignee: replier, lastMessageAt: new Date() });
    const replierCookie = await sessionCookie(replier);
    // From now on "Facebook" sends the page's webhooks to the app through nginx: the echo of a send
    // is what settles one that the dying process left unanswered.
    await emulatorControl(emulator, "config", { webhookUrl: `${ORIGIN}/api/webhooks/facebook` });
    await subscribePageWebhooks(page.id, pageToken);

    // The replier's tab goes through nginx to the process about to die (B): found by asking each
    // process directly for the polling session nginx placed.
    const victim = 1;
    let routeToVictim = "";
    while (!routeToVictim) {
      const route = await routeCookie();
      if ((await processHolding(route)) === victim) routeToVictim = route;
    }
    const tab = track(connectSocket(ORIGIN, { transports: ["websocket"], extraHeaders: { cookie: `${replierCookie}; ${routeToVictim}`, origin: ORIGIN }, reconnectionDelay: 200 }));
    const tabEvents = recorder(await connected(tab));

    // Webhooks from known customers through nginx, from six "Facebook" connections spread over the
    // processes; anything not answered 200 is retried, as Facebook does.
    const routes = await Promise.all(Array.from({ length: 6 }, () => routeCookie()));
    const burst = Array.from({ length: 150 }, (_, index) =>
      JSON.stringify({
        object: "page",
        entry: [{ id: world.values.PAGE_A, time: Date.now(), messaging: [{ sender: { id: index % 2 ? world.values.CUSTOMER_1 : world.values.CUSTOMER_2 }, recipient: { id: world.values.PAGE_A }, timestamp: Date.now(), message: { mid: `m_kill_${index}`, text: `Tin ${index}` } }] }],
      }),
    );
    let acknowledged = 0;
    let killed = false;
    const killVictim = () => {
      if (killed) return;
      killed = true;
      cluster.apps[victim]?.child.kill("SIGKILL");
    };
    const deliverUntilAcknowledged = async (body: string, index: number) => {
      for (;;) {
        const response = await fetch(`${ORIGIN}/api/webhooks/facebook`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: routes[index % routes.length] as string, "x-hub-signature-256": signWebhookBody(env().META_APP_SECRET ?? "", body) },
          body,
        }).catch(() => null);
        if (response?.status === 200) break;
      }
      if (++acknowledged === 50) killVictim();
    };
    // Twenty replies typed one after another; a send the dying process did not answer is sent again
    // with the same clientMessageId, as the composer does.
    const replies = Array.from({ length: 20 }, (_, index) => ({ clientMessageId: crypto.randomUUID(), text: `Dạ ${index + 1}` }));
    const replyBurst = async () => {
      for (const [index, reply] of replies.entries()) {
        if (index === 7) killVictim();
        for (;;) {
          const response = await fetch(`${ORIGIN}/api/conversations/${conversationId}/messages`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: `${replierCookie}; ${routeToVictim}`, origin: ORIGIN },
            body: JSON.stringify(reply),
          }).catch(() => null);
          if (response?.status === 201) break;
        }
      }
    };
    await Promise.all([runConcurrently(burst.length, 6, (index) => deliverUntilAcknowledged(burst[index] as string, index)), replyBurst()]);
    expect(killed).toBe(true);
    expect(await cluster.apps[victim]?.exited).toBeNull();

    // Every acknowledged webhook is stored once and processed once, by the processes still alive.
    while ((await db().webhookEvent.count({ where: { processedAt: null } })) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const stored = await db().message.findMany({ where: { platformMessageId: { startsWith: "m_kill_" } }, select: { platformMessageId: true } });
    expect(stored).toHaveLength(150);
    expect(new Set(stored.map((message) => message.platformMessageId)).size).toBe(150);

    // Every reply sent exactly once, in the order typed: a send the dead process left unanswered is
    // settled by its echo, or sent again once no echo came.
    while ((await db().message.count({ where: { conversationId, direction: "outbound", status: "pending" } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const sent = emulator.world.sends.filter((send) => send.pageId === page.id && send.psid === psid && send.text && !send.error).map((send) => send.text);
    expect(sent).toEqual(replies.map((reply) => reply.text));

    // The tab that was on the dead process reconnected through nginx and hears new messages.
    await new Promise<void>((resolve) => (tab.connected ? resolve() : tab.once("connect", () => resolve())));
    const lastWords = JSON.stringify({
      object: "page",
      entry: [{ id: page.id, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: page.id }, timestamp: Date.now(), message: { mid: "m_kill_after", text: "Cảm ơn shop" } }] }],
    });
    await postWebhook(cluster.appUrl(0), lastWords);
    await tabEvents.until((name, payload) => messageText(name, payload) === "Cảm ơn shop");
  });
});

/** Which process holds the Socket.io session nginx places for a client with `route`: only that one knows its id. */
async function processHolding(route: string): Promise<number> {
  const handshake = await (await fetch(`${ORIGIN}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: route, origin: ORIGIN } })).text();
  const sid = (JSON.parse(handshake.slice(1)) as { sid: string }).sid;
  for (let index = 0; index < 3; index++) {
    const response = await fetch(`http://127.0.0.1:${FIRST_APP_PORT + index}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: "POST", headers: { origin: ORIGIN }, body: "6" });
    if (response.ok) return index;
  }
  throw new Error("No process knows the session nginx placed");
}
