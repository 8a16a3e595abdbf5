// Zalo's access tokens last 25 h and are renewed with single-use refresh tokens. Two processes that
// refresh at once spend the refresh token once (a row lock); an expired token is refreshed on demand
// and the send goes through; a refused refresh turns the OA "needs reconnect" and the reply waits;
// the schedule renews tokens ahead of expiry.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/channels/registry";
import { refreshExpiringTokens } from "@/lib/channels/refresh-expiring-tokens";
import { refreshOaToken } from "@/lib/channels/zalo/refresh-oa-token";
import { deliverReply } from "@/lib/inbox/deliver-reply";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import type { RefreshUse } from "@/emulators/zalo/world-types";
import { demoOaId, grantOa, oaSentTexts, zaloControl } from "../support/zalo-app-emulator";
import { freshShopEachTest, zaloIngestForFile } from "../support/zalo-ingest";

const zalo = zaloIngestForFile();
const shop = freshShopEachTest(zalo);

const channelRow = (id: string) => db().channel.findUniqueOrThrow({ where: { id } });

async function connectDemoOa(): Promise<string> {
  const provider = providerOf("zalo");
  const { dialogUrl } = await provider.connection.startAuthorization(shop.admin, { rerequest: false });
  await provider.connection.completeAuthorization(shop.admin, await grantOa(zalo.emulator, dialogUrl, demoOaId(zalo.emulator)));
  return (await provider.connection.connect(shop.admin, demoOaId(zalo.emulator))).channelId;
}

async function refreshUses(): Promise<RefreshUse[]> {
  return (await zaloControl<{ uses: RefreshUse[] }>(zalo.emulator, `tokens/refresh-uses?oaId=${demoOaId(zalo.emulator)}`, undefined, "GET")).uses;
}

/** A customer writes, and one of our agents' replies waits to be sent. */
async function pendingReply(channelId: string, text: string): Promise<{ id: string; customerId: string }> {
  await zaloControl(zalo.emulator, "messages", { oaId: demoOaId(zalo.emulator), newUserName: "Phạm Lan", text: "Shop ơi" });
  await drainWebhookQueue();
  const conversation = await db().conversation.findFirstOrThrow({ where: { channelId }, include: { contact: true } });
  const reply = await db().message.create({
    data: { conversationId: conversation.id, channelId, direction: "outbound", senderKind: "agent", senderUserId: shop.admin.id, text, status: "pending" },
  });
  return { id: reply.id, customerId: conversation.contact.platformUserId };
}

describe("refreshing a Zalo OA's token", () => {
  it("spends the refresh token once when two connections refresh at the same moment", async () => {
    const channelId = await connectDemoOa();
    const before = await channelRow(channelId);
    // Both saw the same token refused: each would spend the refresh token if nothing stopped it.
    const [first, second] = await Promise.all([
      refreshOaToken({ channelId, rejectedTokenEnc: before.accessTokenEnc }),
      refreshOaToken({ channelId, rejectedTokenEnc: before.accessTokenEnc }),
    ]);
    expect((await refreshUses()).map((use) => use.outcome)).toEqual(["ok"]);
    const after = await channelRow(channelId);
    expect(first).toEqual({ ok: true, accessTokenEnc: after.accessTokenEnc });
    expect(second).toEqual(first);
    expect(after).toMatchObject({ status: "connected" });
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    expect(after.refreshTokenEnc).not.toBe(before.refreshTokenEnc);
    expect(after.tokenRefreshedAt).not.toBeNull();
  });

  it("refreshes an expired token once and sends the reply with the new one, the OA staying connected", async () => {
    const channelId = await connectDemoOa();
    const reply = await pendingReply(channelId, "Dạ còn hàng ạ");
    await zaloControl(zalo.emulator, "tokens/expire", { oaId: demoOaId(zalo.emulator) });

    expect(await deliverReply(reply.id, { finalAttempt: false })).toBe("sent");
    expect(oaSentTexts(zalo.emulator, demoOaId(zalo.emulator), reply.customerId)).toEqual(["Dạ còn hàng ạ"]);
    expect((await refreshUses()).map((use) => use.outcome)).toEqual(["ok"]);
    expect(await channelRow(channelId)).toMatchObject({ status: "connected", statusReason: null });
  });

  it("marks the OA needs-reconnect when Zalo refuses the refresh, keeps the reply waiting, and sends it after reconnecting", async () => {
    const channelId = await connectDemoOa();
    const reply = await pendingReply(channelId, "Shop gửi chị mã giảm giá ạ");
    await zaloControl(zalo.emulator, "tokens/revoke-refresh", { oaId: demoOaId(zalo.emulator) });
    await zaloControl(zalo.emulator, "tokens/expire", { oaId: demoOaId(zalo.emulator) });

    expect(await deliverReply(reply.id, { finalAttempt: false })).toBe("waiting");
    expect(await channelRow(channelId)).toMatchObject({ status: "needs_reconnect", statusReason: "token_expired" });
    expect(await db().message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ status: "pending", failureCode: null });
    expect((await refreshUses()).map((use) => use.outcome)).toEqual(["revoked"]);

    await connectDemoOa();
    expect(await channelRow(channelId)).toMatchObject({ status: "connected", statusReason: null });
    expect(await deliverReply(reply.id, { finalAttempt: false })).toBe("sent");
    expect(oaSentTexts(zalo.emulator, demoOaId(zalo.emulator), reply.customerId)).toEqual(["Shop gửi chị mã giảm giá ạ"]);
  });

  it("renews tokens about to expire on the schedule, once even when two rounds overlap, and leaves fresh ones alone", async () => {
    const channelId = await connectDemoOa();
    expect(await refreshExpiringTokens()).toEqual({ refreshed: 0, failed: 0 });
    await db().channel.update({ where: { id: channelId }, data: { tokenExpiresAt: new Date(Date.now() + 30 * 60_000) } });

    await Promise.all([refreshExpiringTokens(), refreshExpiringTokens()]);
    expect((await refreshUses()).map((use) => use.outcome)).toEqual(["ok"]);
    const renewed = await channelRow(channelId);
    expect(renewed.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    // The new token works.
    expect(await providerOf("zalo").connection.check(renewed)).toEqual({ status: "healthy" });
  });
});
