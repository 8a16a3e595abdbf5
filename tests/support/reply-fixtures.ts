// Replies end to end without a browser: the Meta emulator in this process as Facebook, a customer who
// wrote to one of its pages, and the same conversation in our database, assigned to an agent.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { db } from "../../lib/db";
import { startJobQueue, stopJobQueue } from "../../lib/jobs/job-queue";
import { registerReplyDeliveryWorker, SEND_REPLY_QUEUE } from "../../lib/inbox/reply-delivery-queue";
import type { SessionUser } from "../../lib/auth/session-token";
import { resetDatabase } from "./reset-database";
import { emulatorControl, startAppEmulator } from "./app-emulator";
import { createChannel, createStaff, createWorkspace } from "./assignment-fixtures";
import { addConversation } from "./inbox-fixtures";

const HOUR = 3600 * 1000;

/** Starts the emulator (no history threads: replies need none) as the app's Facebook; call before anything reads env(). */
export function startTestEmulator(): Promise<MetaEmulator> {
  return startAppEmulator({ historyThreads: 0 });
}

export interface ReplyScene {
  admin: SessionUser;
  agent: SessionUser;
  otherAgent: SessionUser;
  pageId: string;
  psid: string;
  channelId: string;
  conversationId: string;
}

/**
 * A customer wrote to "Shop Thời Trang Hoa Mai" `customerWroteHoursAgo` hours ago (the emulator's
 * thread is aged to match), and our copy of the conversation is assigned to `agent`.
 */
export async function replyScene(emulator: MetaEmulator, options: { customerWroteHoursAgo?: number } = {}): Promise<ReplyScene> {
  const { world } = emulator;
  const page = world.pages.find((p) => p.name === "Shop Thời Trang Hoa Mai");
  const pageAdmin = world.roles.find((r) => r.pageId === page?.id && r.tasks.includes("MANAGE"));
  if (!page || !pageAdmin) throw new Error("The emulator's seed changed: no admin for Shop Thời Trang Hoa Mai");
  const { pageToken } = await emulatorControl<{ pageToken: string }>(emulator, "tokens", { userId: pageAdmin.userId, pageId: page.id });
  const { psid } = await emulatorControl<{ psid: string }>(emulator, "messages", {
    pageId: page.id,
    customer: { firstName: "Lan", lastName: "Phạm" },
    text: "Shop ơi áo này còn size M không?",
  });
  const hours = options.customerWroteHoursAgo ?? 0;
  if (hours > 0) await emulatorControl(emulator, "threads/age", { pageId: page.id, psid, hours });
  const lastInboundAt = new Date(Date.now() - hours * HOUR);

  const { workspaceId, admin } = await createWorkspace();
  const [agent, otherAgent] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
  const channelId = await createChannel(workspaceId, admin.id, { externalId: page.id, name: page.name, pageToken });
  const conversationId = await addConversation({ channelId, customer: "Phạm Lan", psid, assignee: agent, lastMessageAt: lastInboundAt, unreadCount: 1 });
  return { admin, agent, otherAgent, pageId: page.id, psid, channelId, conversationId };
}

/**
 * The hooks of a reply test file: the delivery worker runs for the whole file; each test starts from
 * an empty database, the emulator's seeded world and a new scene (handed to `onScene`), and ends once
 * no delivery is left running (it would otherwise meet the next test's emptied tables).
 */
export function replySceneHooks(emulator: MetaEmulator, onScene: (scene: ReplyScene) => void): void {
  beforeAll(async () => {
    await registerReplyDeliveryWorker(await startJobQueue());
  });
  afterAll(async () => {
    await stopJobQueue();
    await emulator.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    emulator.resetWorld();
    onScene(await replyScene(emulator));
  });
  afterEach(() => replyQueueIdle());
}

/** The page's messages in the customer's Messenger thread. */
export function customerInbox(emulator: MetaEmulator, scene: Pick<ReplyScene, "pageId" | "psid">) {
  return emulator.world.threadOf(scene.pageId, scene.psid)?.messages.filter((m) => m.direction === "out") ?? [];
}

/** Every Send API call the page made to this customer, sender actions included. */
export function sendApiCalls(emulator: MetaEmulator, scene: Pick<ReplyScene, "pageId" | "psid">) {
  return emulator.world.sends.filter((s) => s.pageId === scene.pageId && s.psid === scene.psid);
}

/** Resolves once no reply delivery is queued, waiting for a retry, or running. */
export async function replyQueueIdle(): Promise<void> {
  for (;;) {
    const [row] = await db().$queryRaw<{ busy: bigint }[]>`
      SELECT count(*) AS busy FROM pgboss.job WHERE name = ${SEND_REPLY_QUEUE} AND state IN ('created', 'retry', 'active')`;
    if (!row || row.busy === 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
