// Item 16, channels checked rather than assumed: the scheduled (and start-up) channel check renews a
// webhook subscription Facebook dropped and turns a page whose token died "needs reconnect" with the
// admins' banner; failing profile reads are logged once per channel and cause, not per message.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { SessionUser } from "@/lib/auth/session";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { PAGE_WEBHOOK_FIELDS } from "@/lib/channels/facebook/page-subscription";
import { platformsNeedingReconnect } from "@/lib/channels/platforms-needing-reconnect";
import { checkConnectedChannels } from "@/lib/channels/check-connected-channels";
import { registerChannelCheckWorker } from "@/lib/channels/channel-check-worker";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { addFault, emulatorControl, invalidatePageTokens, startAppEmulator } from "../support/app-emulator";
import { createAdmin, facebookWorld, signInWithFacebook } from "../support/facebook-connect";
import { startWebhookServer, type WebhookServer } from "../support/webhook-http-server";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

// The profile-read test reads the warnings the app writes; the integration default hides them.
process.env.LOG_LEVEL = "warn";

let webhookServer: WebhookServer;
let emulator: MetaEmulator;
let realtime: RealtimeTestServer;
let admin: SessionUser;
let fb: ReturnType<typeof facebookWorld>;

beforeAll(async () => {
  webhookServer = await startWebhookServer();
  emulator = await startAppEmulator({ webhookUrl: webhookServer.url });
  realtime = await startRealtimeTestServer();
});
afterAll(async () => {
  await realtime.close();
  await emulator.close();
  await webhookServer.close();
});
beforeEach(async () => {
  emulator.resetWorld();
  realtime.disconnectAll();
  fb = facebookWorld(emulator);
  await resetDatabase();
  admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
  await signInWithFacebook(emulator, admin, fb.an.id);
});

const channelOf = (id: string) => db().channel.findUniqueOrThrow({ where: { id } });

/** A customer of the page writes; resolves once the app has stored (and processed) what arrived. */
async function customerWrites(pageId: string, text: string, customer?: { firstName: string; lastName: string }) {
  const psid = customer ? undefined : emulator.world.customers.find((candidate) => candidate.pageId === pageId)?.psid;
  await emulatorControl(emulator, "messages", { pageId, psid, customer, text });
  await drainWebhookQueue();
}
const storedTexts = async (channelId: string) =>
  (await db().message.findMany({ where: { channelId, direction: "inbound" }, select: { text: true }, orderBy: { createdAt: "asc" } })).map((message) => message.text);

describe("item 16: the channel check", () => {
  it("re-subscribes a page whose subscription Facebook dropped, and the next customer message arrives", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await customerWrites(fb.hoaMai.id, "Shop ơi");
    await emulatorControl(emulator, "subscriptions/drop", { pageId: fb.hoaMai.id });
    await customerWrites(fb.hoaMai.id, "Không ai nghe thấy");
    expect(await storedTexts(channelId)).toEqual(["Shop ơi"]);

    expect(await checkConnectedChannels()).toMatchObject({ resubscribed: 1, healthy: 0, needs_reconnect: 0 });
    expect(emulator.world.subscriptions.get(fb.hoaMai.id)?.fields).toEqual([...PAGE_WEBHOOK_FIELDS]);
    await customerWrites(fb.hoaMai.id, "Còn hàng không ạ?");
    expect(await storedTexts(channelId)).toEqual(["Shop ơi", "Còn hàng không ạ?"]);
    expect(await channelOf(channelId)).toMatchObject({ status: "connected" });

    // The next round finds nothing to do.
    expect(await checkConnectedChannels()).toMatchObject({ healthy: 1, resubscribed: 0 });
  });

  it("turns a page whose token died 'needs reconnect', with the admins' banner and agents' open threads told, before any reply is attempted", async () => {
    const hoaMai = await connectFacebookPage(admin, fb.hoaMai.id);
    const myPham = await connectFacebookPage(admin, fb.myPham.id);
    const socket = await realtime.connectAs(admin);
    const updated = new Promise<{ channelId: string }>((resolve) => socket.on("channel:updated", resolve));
    const agent = await db().user.create({ data: { workspaceId: admin.workspaceId, email: "ha@hoamai.vn", name: "Hà", role: "agent", passwordHash: "unused" } });
    const agentSocket = await realtime.connectAs({ id: agent.id, role: "agent", workspaceId: admin.workspaceId });
    const agentTold = new Promise<{ channelId: string }>((resolve) => agentSocket.on("channel:updated", resolve));
    await invalidatePageTokens(emulator, fb.hoaMai.id, "expired");

    expect(await checkConnectedChannels()).toMatchObject({ needs_reconnect: 1, healthy: 1 });
    expect(await channelOf(hoaMai.channelId)).toMatchObject({ status: "needs_reconnect", statusReason: "token_expired" });
    expect(await channelOf(myPham.channelId)).toMatchObject({ status: "connected", statusReason: null });
    expect(await updated).toEqual({ channelId: hoaMai.channelId });
    expect(await agentTold).toEqual({ channelId: hoaMai.channelId });
    expect(await platformsNeedingReconnect(admin)).toHaveLength(1);
    expect(emulator.world.sends).toHaveLength(0);

    // A page already waiting for its admin is not asked again.
    expect(await checkConnectedChannels()).toMatchObject({ needs_reconnect: 0, healthy: 1 });
  });

  it("marks a page whose webhooks Facebook refuses 'needs reconnect', but leaves one Facebook could not answer for the next round", async () => {
    const hoaMai = await connectFacebookPage(admin, fb.hoaMai.id);
    const myPham = await connectFacebookPage(admin, fb.myPham.id);
    await addFault(emulator, { kind: "permission_missing", match: { pageId: fb.hoaMai.id } });
    await addFault(emulator, { kind: "server_error", match: { pageId: fb.myPham.id } });

    expect(await checkConnectedChannels()).toMatchObject({ needs_reconnect: 1, unreachable: 1 });
    expect(await channelOf(hoaMai.channelId)).toMatchObject({ status: "needs_reconnect", statusReason: "webhooks_refused" });
    expect(await channelOf(myPham.channelId)).toMatchObject({ status: "connected" });
  });

  it("runs its start-up round once when several processes start together", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await emulatorControl(emulator, "subscriptions/drop", { pageId: fb.hoaMai.id });
    const processes = [1, 2].map(() => new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 2 }));
    try {
      // One after the other: pg-boss creating the same queue from two connections at once can deadlock.
      for (const boss of processes) {
        await boss.start();
        await registerChannelCheckWorker(boss);
      }
      await vi.waitFor(() => expect(emulator.world.subscriptions.has(fb.hoaMai.id)).toBe(true), { timeout: 15_000, interval: 100 });
    } finally {
      await Promise.all(processes.map((boss) => boss.stop({ graceful: true, timeout: 5_000 })));
    }
    const rounds = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE name = 'channels.check' AND singleton_key = 'start-up'`;
    expect(Number(rounds[0]?.count)).toBe(1);
    expect(await channelOf(channelId)).toMatchObject({ status: "connected" });
  });
});

describe("item 16: failing profile reads", () => {
  it("are logged once per channel and cause, without a stack trace, however many messages fail", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    // Every Graph call about the page from now on is a profile read of a new customer.
    await addFault(emulator, { kind: "permission_missing", match: { pageId: fb.hoaMai.id }, times: 100 });
    const stderr = vi.spyOn(process.stderr, "write");
    let written: string[];
    try {
      for (let i = 1; i <= 6; i++) await customerWrites(fb.hoaMai.id, `Khách mới ${i}`, { firstName: `Khách ${i}`, lastName: "Nguyễn" });
    } finally {
      written = stderr.mock.calls.map(([chunk]) => String(chunk));
      stderr.mockRestore();
    }
    expect(await storedTexts(channelId)).toHaveLength(6);
    const profileWarnings = written
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => /profile/i.test(String(entry.message)));
    expect(profileWarnings).toEqual([expect.objectContaining({ level: "warn", channelId, cause: "graph_error_10" })]);
    expect(JSON.stringify(profileWarnings)).not.toContain("stack");
  });
});
