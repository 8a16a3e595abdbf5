// Zalo webhooks through the real ingest (signature over the raw bytes, stored row, processed from the
// queue): every event type from the fixtures delivered twice and shuffled is stored once; receipts in
// any order move statuses forward only; an echo that overtakes the send's answer is matched to our
// reply; bad input is refused or skipped with nothing stored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { signZaloWebhookBody } from "@/lib/channels/zalo/webhook-signature";
import { zaloApp } from "@/lib/channels/zalo/zalo-app";
import { deliverReply } from "@/lib/inbox/deliver-reply";
import { receiveWebhookBatch } from "@/lib/inbox/receive-webhooks";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import { demoOaId, oaSentTexts, zaloControl } from "../support/zalo-app-emulator";
import { conversationWithCustomer, freshShopEachTest, zaloIngestForFile } from "../support/zalo-ingest";
import { FIXTURE_OA_ID, FIXTURE_USER_ID, zaloFixture, zaloFixtureNames } from "../support/zalo-fixtures";

const zalo = zaloIngestForFile();
const shop = freshShopEachTest(zalo);

async function post(rawBody: string, signature: string | null): Promise<number> {
  const response = await fetch(zalo.webhookServer.url, {
    method: "POST",
    body: rawBody,
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-zevent-signature": signature }) },
  });
  await response.arrayBuffer();
  return response.status;
}

const sign = (rawBody: string) => signZaloWebhookBody(zaloApp().appId, zaloApp().oaSecretKey, rawBody);

/** The fixtures' OA, connected with a token the zalo.emulator issued (profiles of unknown users fail, as they may). */
async function connectFixtureOa(): Promise<string> {
  const tokens = await zaloControl<{ access_token: string; refresh_token: string }>(zalo.emulator, "tokens", { oaId: demoOaId(zalo.emulator) });
  const channel = await db().channel.create({
    data: {
      workspaceId: shop.admin.workspaceId,
      platform: "zalo",
      externalId: FIXTURE_OA_ID,
      name: "Shop Thời Trang Mai",
      accessTokenEnc: encryptSecret(tokens.access_token),
      refreshTokenEnc: encryptSecret(tokens.refresh_token),
      tokenExpiresAt: new Date(Date.now() + 25 * 3600 * 1000),
      connectedById: shop.admin.id,
    },
  });
  return channel.id;
}

/** A deterministic shuffle (the same order every run), so a failure can be replayed. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  let seed = 20261203;
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("Zalo webhook events", () => {
  it("stores every event type from the fixtures once when each arrives twice, shuffled; follow and unfollow store nothing", async () => {
    const channelId = await connectFixtureOa();
    for (const name of shuffled([...zaloFixtureNames, ...zaloFixtureNames])) {
      const raw = zaloFixture(name);
      expect(await post(raw, sign(raw))).toBe(200);
    }
    await drainWebhookQueue();

    const messages = await db().message.findMany({ where: { channelId }, orderBy: { sentAt: "asc" } });
    expect(messages.map((message) => [message.platformMessageId, message.direction, message.senderKind])).toEqual([
      ["zmsg-text-1", "inbound", "contact"],
      ["zmsg-image-1", "inbound", "contact"],
      ["zmsg-sticker-1", "inbound", "contact"],
      ["zmsg-gif-1", "inbound", "contact"],
      ["zmsg-file-1", "inbound", "contact"],
      ["zmsg-link-1", "inbound", "contact"],
      ["zmsg-location-1", "inbound", "contact"],
      ["zmsg-audio-1", "inbound", "contact"],
      ["zmsg-video-1", "inbound", "contact"],
      // Typed in Zalo's OA Chat: a message by the OA itself, which the customer received and saw.
      ["zmsg-oa-1", "outbound", "page"],
    ]);
    const byId = new Map(messages.map((message) => [message.platformMessageId, message]));
    expect(byId.get("zmsg-text-1")).toMatchObject({ text: "Shop ơi áo này còn size M không ạ?", attachments: [] });
    expect(byId.get("zmsg-image-1")?.attachments).toEqual([{ type: "image", url: "https://photo.example/zalo/ao-1.jpg" }]);
    expect(byId.get("zmsg-sticker-1")?.attachments).toEqual([
      { type: "sticker", url: "https://sticker.example/zalo/bfe458bf64fa8da4d4eb.png", stickerId: "bfe458bf64fa8da4d4eb" },
    ]);
    expect(byId.get("zmsg-gif-1")?.attachments).toMatchObject([{ type: "image" }]);
    expect(byId.get("zmsg-file-1")?.attachments).toEqual([{ type: "file", url: "https://file.example/zalo/don-hang.pdf", name: "don-hang.pdf" }]);
    expect(byId.get("zmsg-link-1")).toMatchObject({
      text: "https://shop.example/ao-so-mi",
      attachments: [{ type: "fallback", url: "https://shop.example/ao-so-mi", title: "Áo sơ mi lụa" }],
    });
    expect(byId.get("zmsg-location-1")?.attachments).toEqual([{ type: "location", url: null, title: null, coordinates: { lat: 10.7769, long: 106.7009 } }]);
    expect(byId.get("zmsg-audio-1")?.attachments).toMatchObject([{ type: "audio" }]);
    expect(byId.get("zmsg-video-1")?.attachments).toMatchObject([{ type: "video" }]);
    expect(byId.get("zmsg-oa-1")).toMatchObject({ status: "read", text: "Dạ còn size M ạ, chị lấy màu nào?" });

    const conversations = await db().conversation.findMany({ where: { channelId }, include: { contact: true } });
    expect(conversations.map((conversation) => conversation.contact.platformUserId)).toEqual([FIXTURE_USER_ID]);
    expect(conversations[0]?.unreadCount).toBe(9);
  });

  it("moves a reply's status forward only, whatever order its receipts come in", async () => {
    const channelId = await connectFixtureOa();
    const deliverNamed = async (name: string) => {
      const raw = zaloFixture(name);
      expect(await post(raw, sign(raw))).toBe(200);
      await drainWebhookQueue();
    };
    // The receipts before the message they name: nothing to move yet, and nothing stored for them.
    await deliverNamed("user_seen_message");
    await deliverNamed("user_received_message");
    expect(await db().message.count({ where: { channelId } })).toBe(0);

    await deliverNamed("oa_send_text");
    const stored = () => db().message.findFirstOrThrow({ where: { channelId, platformMessageId: "zmsg-oa-1" } });
    expect((await stored()).status).toBe("sent");
    await deliverNamed("user_seen_message");
    expect((await stored()).status).toBe("read");
    // "Received" after "seen" (Zalo retries and does not order them) leaves it read.
    await deliverNamed("user_received_message");
    expect((await stored()).status).toBe("read");
  });

  it("counts the OA's replies since the customer last wrote (Zalo's free replies), a late older message changing nothing", async () => {
    const channelId = await connectFixtureOa();
    const deliverRaw = async (raw: string) => {
      expect(await post(raw, sign(raw))).toBe(200);
      await drainWebhookQueue();
    };
    const replies = async () => (await db().conversation.findFirstOrThrow({ where: { channelId } })).repliesSinceInbound;
    await deliverRaw(zaloFixture("user_send_text"));
    expect(await replies()).toBe(0);
    // Typed in OA Chat: Zalo counts it among the 8 free replies.
    await deliverRaw(zaloFixture("oa_send_text"));
    expect(await replies()).toBe(1);
    // The image was written before that reply and arrives late: the count stands.
    await deliverRaw(zaloFixture("user_send_image"));
    expect(await replies()).toBe(1);
    const later = zaloFixture("user_send_text").replace('"zmsg-text-1"', '"zmsg-text-2"').replace('"1764750001000"', '"1764750099000"');
    await deliverRaw(later);
    expect(await replies()).toBe(0);
  });

  it("refuses a missing or wrong signature and signed bytes that are not a Zalo event, storing nothing", async () => {
    await connectFixtureOa();
    const raw = zaloFixture("user_send_text");
    expect(await post(raw, null)).toBe(403);
    expect(await post(raw, sign(raw.replace("size M", "size L")))).toBe(403);
    expect(await post(`${raw} `, sign(raw))).toBe(403);
    // Signed with the app secret instead of the OA secret key.
    expect(await post(raw, signZaloWebhookBody(zaloApp().appId, zaloApp().appSecret, raw))).toBe(403);
    const notJson = '{"timestamp":"1764750000000", "event_name":';
    expect(await post(notJson, sign(notJson))).toBe(403);
    const noEvent = JSON.stringify({ timestamp: "1764750000000", hello: "world" });
    expect(await post(noEvent, sign(noEvent))).toBe(400);
    expect(await db().webhookEvent.count()).toBe(0);
    expect(await db().message.count()).toBe(0);
  });

  it("accepts the signature with or without its mac= prefix, and an old timestamp Zalo retries hours later", async () => {
    const channelId = await connectFixtureOa();
    const raw = zaloFixture("user_send_text");
    expect(await post(raw, sign(raw).replace(/^mac=/, ""))).toBe(200);
    expect(await post(raw, sign(raw))).toBe(200);
    await drainWebhookQueue();
    expect(await db().message.count({ where: { channelId } })).toBe(1);
  });

  it("skips events for an OA connected nowhere and event types it does not know, storing no message", async () => {
    await connectFixtureOa();
    const foreign = zaloFixture("user_send_text").replaceAll(FIXTURE_OA_ID, "1750000000000000999");
    const unknown = zaloFixture("user_send_text").replace('"user_send_text"', '"user_reacted_message"');
    for (const raw of [foreign, unknown]) expect(await post(raw, sign(raw))).toBe(200);
    await drainWebhookQueue();
    expect(await db().message.count()).toBe(0);
    expect(await db().contact.count()).toBe(0);
  });
});

describe("our replies and their echoes", () => {
  it("matches an echo that overtakes the send's answer to the pending reply: one message, sent, with Zalo's id", async () => {
    const { channelId, conversation } = await conversationWithCustomer(zalo, shop.admin, "Shop ơi");
    // The echo is processed as it arrives, before the zalo.emulator answers the send.
    const processing = await startProcessingReceiver();
    try {
      await zaloControl(zalo.emulator, "config", { echoBeforeAnswer: true, webhookUrl: processing.url });
      const reply = await db().message.create({
        data: {
          conversationId: conversation.id,
          channelId,
          direction: "outbound",
          senderKind: "agent",
          senderUserId: shop.admin.id,
          text: "Dạ shop chào chị ạ",
          status: "pending",
        },
      });
      expect(await deliverReply(reply.id, { finalAttempt: false })).toBe("sent");
      const outbound = await db().message.findMany({ where: { channelId, direction: "outbound" } });
      expect(outbound).toHaveLength(1);
      expect(outbound[0]).toMatchObject({ id: reply.id, status: "sent", senderKind: "agent", senderUserId: shop.admin.id });
      const sentByZalo = zalo.emulator.world.conversation(demoOaId(zalo.emulator), conversation.contact.platformUserId).filter((message) => message.src === 0);
      expect(outbound[0]?.platformMessageId).toBe(sentByZalo[0]?.msgId);
      expect(oaSentTexts(zalo.emulator, demoOaId(zalo.emulator), conversation.contact.platformUserId)).toEqual(["Dạ shop chào chị ạ"]);
    } finally {
      await processing.close();
    }
  });
});

/** A webhook endpoint that processes each Zalo event before it answers, as a fast worker would. */
async function startProcessingReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void receiveWebhookBatch("zalo", Buffer.concat(chunks).toString("utf8")).then(() => response.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/zalo`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
