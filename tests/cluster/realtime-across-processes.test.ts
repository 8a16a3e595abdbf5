// Three app processes behind nginx share realtime: a webhook received by one process reaches the
// sockets of the people allowed to see it on every process, and nobody else; Socket.io's
// long-polling works through nginx, because nginx keeps each client on one process.
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
import { createStaff } from "../support/assignment-fixtures";
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
});
