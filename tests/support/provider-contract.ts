// The contract every ChannelProvider keeps, written once against the provider interface and run per
// platform against that platform's emulator (channel-provider-contract.test.ts): connect, verify,
// normalise, send, classify errors, the reply window and the connection check, each asserted by its
// effects in the emulator and the database. A new platform supplies a ContractHarness and reruns it.
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/session-token";
import { ChannelApiError } from "../../lib/channels/channel-api-error";
import { providerOf } from "../../lib/channels/registry";
import { replyWindowAt } from "../../lib/channels/reply-window";
import type { Platform } from "../../lib/generated/prisma/enums";
import { drainWebhookQueue } from "../../lib/webhooks/process-webhook-queue";
import { resetDatabase } from "./reset-database";
import { createAdmin } from "./facebook-connect";

/** The platform's side of the contract, played by its emulator. */
export interface ContractHarness {
  platform: Platform;
  /** Forgets every change to the emulator's world (before each test). */
  resetWorld(): void;
  /** An account (page, OA) the harness's platform user administers and may connect. */
  accountId(): string;
  /** Goes through the platform's login dialog at `dialogUrl` as that user, consenting to everything. */
  consent(dialogUrl: string): Promise<{ code: string | null; state: string | null; error: string | null }>;
  /** A customer writes to the account; resolves once the platform has delivered the webhook to the app. */
  customerWrites(accountId: string, text: string): Promise<void>;
  /** The header value the platform would sign these bytes with. */
  sign(rawBody: string): string;
  /** Texts the account sent to the customer, as the platform has them. */
  sentTexts(accountId: string, customerId: string): string[];
  /** For each message the account sent the customer, the platform's id of the message it quotes (null: none). */
  sentQuotes(accountId: string, customerId: string): Array<string | null>;
  /**
   * The platform's per-account webhook subscription, which the connection check renews; null where
   * webhooks are the app's and cannot be dropped for one account (Zalo).
   */
  subscription: { subscribed(accountId: string): boolean; drop(accountId: string): Promise<void> } | null;
  /** The account's token stops working for good: no refresh can bring it back. */
  killToken(accountId: string): Promise<void>;
  /** The platform's next send fails as a passing outage would (5xx). */
  failNextSend(): Promise<void>;
}

export function describeProviderContract(harness: ContractHarness): void {
  const provider = providerOf(harness.platform);

  async function connectedChannel(): Promise<{ admin: SessionUser; channelId: string; accountId: string }> {
    await resetDatabase();
    harness.resetWorld();
    const admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
    const { dialogUrl } = await provider.connection.startAuthorization(admin, { rerequest: false });
    expect(await provider.connection.completeAuthorization(admin, await harness.consent(dialogUrl))).toEqual({ outcome: "authorized", missingScopes: [] });
    const accountId = harness.accountId();
    const { channelId } = await provider.connection.connect(admin, accountId);
    return { admin, channelId, accountId };
  }

  const channelRow = (id: string) => db().channel.findUniqueOrThrow({ where: { id } });

  async function inboundConversation(channelId: string, accountId: string, text: string) {
    await harness.customerWrites(accountId, text);
    await drainWebhookQueue();
    return db().conversation.findFirstOrThrow({ where: { channelId }, include: { contact: true } });
  }

  describe(`the ${harness.platform} provider's contract`, () => {
    it("connects an account: the channel is stored connected and the platform sends it webhooks", async () => {
      const { admin, channelId, accountId } = await connectedChannel();
      expect(await channelRow(channelId)).toMatchObject({ platform: harness.platform, externalId: accountId, status: "connected", workspaceId: admin.workspaceId });
      if (harness.subscription) expect(harness.subscription.subscribed(accountId)).toBe(true);
    });

    it("verifies a webhook on its raw bytes and normalises what the platform delivered into neutral events", async () => {
      const { channelId, accountId } = await connectedChannel();
      await harness.customerWrites(accountId, "Shop ơi còn hàng không?");
      const [stored] = await db().webhookEvent.findMany({ where: { platform: harness.platform } });
      const rawBody = stored!.rawBody;
      const bytes = new TextEncoder().encode(rawBody);
      expect(provider.inbound.verifySignature(bytes, harness.sign(rawBody))).toBe(true);
      expect(provider.inbound.verifySignature(new TextEncoder().encode(`${rawBody} `), harness.sign(rawBody))).toBe(false);
      expect(provider.inbound.looksLikeWebhook(rawBody)).toBe(true);

      const body = provider.inbound.normalize(rawBody);
      expect(body).toMatchObject({ ok: true, events: [{ accountId, event: { kind: "message", text: "Shop ơi còn hàng không?" } }] });
      await drainWebhookQueue();
      expect(await db().message.findMany({ where: { channelId }, select: { direction: true, text: true } })).toEqual([
        { direction: "inbound", text: "Shop ơi còn hàng không?" },
      ]);
    });

    it("sends a reply inside the window: the customer has it, under the platform's id", async () => {
      const { channelId, accountId } = await connectedChannel();
      const conversation = await inboundConversation(channelId, accountId, "Áo size M còn không?");
      const window = replyWindowAt(provider.replyWindow(conversation), new Date());
      if (window.state === "closed") throw new Error("a customer who just wrote must be answerable");
      const channel = await channelRow(channelId);
      const { platformMessageId } = await provider.outbound.send(channel, {
        recipientId: conversation.contact.platformUserId,
        window,
        content: { kind: "text", text: "Dạ còn ạ" },
        messageId: "contract-reply-1",
        quotedPlatformMessageId: null,
      });
      expect(platformMessageId).not.toBe("");
      expect(harness.sentTexts(accountId, conversation.contact.platformUserId)).toEqual(["Dạ còn ạ"]);
    });

    it("quotes the customer's message in a reply the platform's way: the platform has the reply quoting it", async () => {
      const { channelId, accountId } = await connectedChannel();
      const conversation = await inboundConversation(channelId, accountId, "Áo này còn màu đỏ không?");
      const customerMessage = await db().message.findFirstOrThrow({ where: { conversationId: conversation.id, direction: "inbound" } });
      const window = replyWindowAt(provider.replyWindow(conversation), new Date());
      if (window.state === "closed") throw new Error("a customer who just wrote must be answerable");
      expect(provider.capabilities.quotes).toBe(true);
      await provider.outbound.send(await channelRow(channelId), {
        recipientId: conversation.contact.platformUserId,
        window,
        content: { kind: "text", text: "Dạ còn màu đỏ ạ" },
        messageId: "contract-reply-quote",
        quotedPlatformMessageId: customerMessage.platformMessageId,
      });
      expect(harness.sentTexts(accountId, conversation.contact.platformUserId)).toEqual(["Dạ còn màu đỏ ạ"]);
      expect(harness.sentQuotes(accountId, conversation.contact.platformUserId)).toEqual([customerMessage.platformMessageId]);
    });

    it("classifies a dead token (the channel then needs a reconnect) and a passing outage (retry later)", async () => {
      const { channelId, accountId } = await connectedChannel();
      const conversation = await inboundConversation(channelId, accountId, "Alo shop");
      const window = replyWindowAt(provider.replyWindow(conversation), new Date());
      if (window.state === "closed") throw new Error("a customer who just wrote must be answerable");
      const reply = { recipientId: conversation.contact.platformUserId, window, content: { kind: "text" as const, text: "Dạ" }, messageId: "contract-reply-2", quotedPlatformMessageId: null };

      await harness.failNextSend();
      const outage = await provider.outbound.send(await channelRow(channelId), reply).catch((error: unknown) => error);
      expect(outage).toBeInstanceOf(ChannelApiError);
      expect(provider.outbound.classifySendError(outage as ChannelApiError)).toEqual({ kind: "transient" });

      await harness.killToken(accountId);
      const dead = await provider.outbound.send(await channelRow(channelId), reply).catch((error: unknown) => error);
      expect(dead).toBeInstanceOf(ChannelApiError);
      expect(provider.outbound.classifySendError(dead as ChannelApiError)).toMatchObject({ kind: "permanent", code: "token_invalid", channelNeedsReconnect: true });
      expect(await channelRow(channelId)).toMatchObject({ status: "needs_reconnect" });
      expect(harness.sentTexts(accountId, conversation.contact.platformUserId)).toEqual([]);
    });

    it("opens the reply window when the customer writes and closes it in the end, the same for the browser", () => {
      const now = new Date();
      expect(replyWindowAt(provider.replyWindow({ lastInboundAt: now, repliesSinceInbound: 0 }), now)).toMatchObject({ state: "open" });
      expect(replyWindowAt(provider.replyWindow({ lastInboundAt: null, repliesSinceInbound: 0 }), now)).toMatchObject({ state: "closed", reason: "never_wrote" });
      const longAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
      expect(replyWindowAt(provider.replyWindow({ lastInboundAt: longAgo, repliesSinceInbound: 0 }), now)).toMatchObject({ state: "closed", reason: "expired" });
    });

    it("checks the connection: healthy, webhooks the platform dropped subscribed again (where it has subscriptions), a dead token found", async () => {
      const { channelId, accountId } = await connectedChannel();
      expect(await provider.connection.check(await channelRow(channelId))).toEqual({ status: "healthy" });

      const { subscription } = harness;
      if (subscription) {
        await subscription.drop(accountId);
        expect(subscription.subscribed(accountId)).toBe(false);
        expect(await provider.connection.check(await channelRow(channelId))).toMatchObject({ status: "resubscribed" });
        expect(subscription.subscribed(accountId)).toBe(true);
      }

      await harness.killToken(accountId);
      expect(await provider.connection.check(await channelRow(channelId))).toMatchObject({ status: "needs_reconnect" });
    });
  });
}
