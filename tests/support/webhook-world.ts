// The world the webhook tests run in: the Meta emulator (for profiles), a workspace with two
// connected pages ("only me" and shared) and one existing conversation holding replies in every
// outbound state, as the composer and the Send API worker leave them.
import { db } from "../../lib/db";
import { facebookApp } from "../../lib/channels/facebook/facebook-app";
import { encryptSecret } from "../../lib/crypto/secret-box";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { emulatorControl, startAppEmulator } from "./app-emulator";
import { createWorkspace } from "./assignment-fixtures";

/** Fixture times are offsets from this instant (see tests/fixtures/messenger/). */
export const FIXTURE_T0 = 1_764_230_400_000;
export const at = (offsetMs: number) => new Date(FIXTURE_T0 + offsetMs);

export const UNKNOWN_PAGE_ID = "109099999999999";

/** Starts the emulator as the app's Facebook; call before anything reads env(). */
export function startProfileEmulator(): Promise<MetaEmulator> {
  return startAppEmulator();
}

async function pageToken(emulator: MetaEmulator, userId: string, pageId: string): Promise<string> {
  return (await emulatorControl<{ pageToken: string }>(emulator, "tokens", { userId, pageId, longLived: true })).pageToken;
}

export async function seedWebhookWorld(emulator: MetaEmulator) {
  emulator.resetWorld();
  const { world } = emulator;
  const [pageA, pageB] = world.pages;
  const owner = world.users[0];
  if (!pageA || !pageB || !owner) throw new Error("The emulator's seeded world changed shape");
  const [customer1, customer2] = world.customers.filter((c) => c.pageId === pageA.id);
  const [customer3] = world.customers.filter((c) => c.pageId === pageB.id);
  if (!customer1 || !customer2 || !customer3) throw new Error("The emulator's seeded world has too few customers");

  const { workspaceId, admin } = await createWorkspace("Hoa Mai", { email: "admin@hoamai.vn", name: "Chủ shop" });
  const channel = (page: { id: string; name: string }, chatMode: "only_me" | "shared", token: string) =>
    db().channel.create({
      data: {
        workspaceId,
        platform: "facebook",
        externalId: page.id,
        name: page.name,
        accessTokenEnc: encryptSecret(token),
        chatMode,
        connectedById: admin.id,
      },
    });
  const channelA = await channel(pageA, "only_me", await pageToken(emulator, owner.id, pageA.id));
  const channelB = await channel(pageB, "shared", await pageToken(emulator, owner.id, pageB.id));

  // Customer 1 already talks to page A; the shop has replied (profile fresh, so no Graph call).
  const contact1 = await db().contact.create({
    data: { channelId: channelA.id, platformUserId: customer1.psid, name: customer1.name, profileFetchedAt: new Date() },
  });
  const conversation1 = await db().conversation.create({
    data: {
      workspaceId,
      channelId: channelA.id,
      contactId: contact1.id,
      assigneeId: admin.id,
      state: "assigned",
      lastMessageAt: at(3_000),
      lastMessagePreview: "Dạ còn size M ạ",
    },
  });
  const reply = (offsetMs: number, status: "pending" | "sent" | "failed", platformMessageId: string | null) =>
    db().message.create({
      data: {
        conversationId: conversation1.id,
        channelId: channelA.id,
        direction: "outbound",
        senderKind: "agent",
        senderUserId: admin.id,
        text: `Trả lời lúc ${offsetMs}`,
        status,
        platformMessageId,
        sendAttempts: status === "pending" ? 1 : 0,
        sentAt: at(offsetMs),
      },
    });
  const outbound = {
    sent1: await reply(1_000, "sent", "m_out_1"),
    failed: await reply(1_500, "failed", null),
    sent2: await reply(2_000, "sent", "m_out_2"),
    pending: await reply(3_000, "pending", null),
  };

  return {
    workspaceId,
    adminId: admin.id,
    channelA,
    channelB,
    conversation1,
    outbound,
    customers: { customer1, customer2, customer3 },
    /** Placeholder values for the fixtures. */
    values: {
      PAGE_A: pageA.id,
      PAGE_B: pageB.id,
      UNKNOWN_PAGE: UNKNOWN_PAGE_ID,
      CUSTOMER_1: customer1.psid,
      CUSTOMER_2: customer2.psid,
      CUSTOMER_3: customer3.psid,
      CUSTOMER_9: "2599999999999999",
      OUR_APP_ID: facebookApp().appId,
      PENDING_MESSAGE_ID: outbound.pending.id,
    },
  };
}

export type WebhookWorld = Awaited<ReturnType<typeof seedWebhookWorld>>;
