// "Xử lý hội thoại cũ" after a history sync of 100 threads: each policy hands out exactly the
// expected conversations (answerable ones = customer wrote within 7 days, counted from the
// emulator's own ages), only after an admin confirms the number shown; "only me" pages need no
// confirmation.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { createRule } from "@/lib/assignment/save-rule";
import { setChannelChatMode } from "@/lib/channels/set-channel-chat-mode";
import { confirmHistoryPolicy } from "@/lib/history-sync/confirm-history-policy";
import { readHistorySync } from "@/lib/history-sync/read-history-sync";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { createStaff } from "../support/assignment-fixtures";
import { answerablePsids, connectHistoryPage, historyThreads, startHistoryWorld, syncRow } from "../support/history-sync-world";

const THREADS = 100;
const LONG = 120_000;

const world = await startHistoryWorld(THREADS);
let agents: SessionUser[];
beforeEach(async () => {
  agents = await createStaff(world.admin.workspaceId, 3);
});

type Policy = "keep_unassigned" | "distribute_available" | "distribute_all";
type Method = "round_robin" | "self_claim";

/** The wizard's path: connect the page and put it in an existing rule, which starts the sync. */
async function syncIntoRule(method: Method, oldConversationPolicy: Policy) {
  const rule = await createRule(world.admin, {
    name: "Nhóm bán hàng",
    sourceChannelIds: [],
    memberEmails: agents.map((agent) => agent.email),
    method,
    oldConversationPolicy,
    moveSources: false,
  });
  const channelId = await connectHistoryPage(world.emulator, world.admin);
  await setChannelChatMode(world.admin, channelId, { mode: "shared", ruleId: rule.id });
  await vi.waitFor(async () => expect((await syncRow(channelId)).status).toBe("done"), {
    timeout: 90_000,
    interval: 50,
  });
  return { channelId, ruleId: rule.id };
}

async function conversationsByPsid(channelId: string) {
  const rows = await db().conversation.findMany({
    where: { channelId },
    select: {
      id: true,
      state: true,
      assigneeId: true,
      ruleId: true,
      contact: { select: { platformUserId: true } },
      assignmentEvents: { select: { kind: true, toUserId: true, reason: true, actorUserId: true } },
    },
  });
  return new Map(rows.map((row) => [row.contact.platformUserId, row]));
}

function psidsWhere(rows: Map<string, { state: string }>, state: string): Set<string> {
  return new Set([...rows].filter(([, row]) => row.state === state).map(([psid]) => psid));
}

describe("old conversations after a history sync", () => {
  it(
    "keeps them unassigned in the rule, for admins, when the rule does not distribute",
    async () => {
      const { channelId, ruleId } = await syncIntoRule("round_robin", "keep_unassigned");
      const sync = await syncRow(channelId);
      expect(sync).toMatchObject({ pendingPolicy: null, conversationsDistributed: 0 });
      expect(sync.policyAppliedAt).not.toBeNull();
      expect(await readHistorySync(world.admin, channelId)).toMatchObject({
        confirmation: null,
        distributed: { count: 0 },
      });
      const rows = await conversationsByPsid(channelId);
      expect(rows.size).toBe(THREADS);
      for (const row of rows.values())
        expect(row).toMatchObject({ state: "unassigned", assigneeId: null, ruleId, assignmentEvents: [] });
    },
    LONG,
  );

  it(
    "shares only the answerable ones by round-robin, after the admin confirms the number shown",
    async () => {
      const { channelId } = await syncIntoRule("round_robin", "distribute_available");
      const answerable = answerablePsids(world.emulator);
      expect(answerable.size).toBeGreaterThan(0);
      expect(answerable.size).toBeLessThan(THREADS);

      const view = await readHistorySync(world.admin, channelId);
      expect(view?.confirmation).toEqual({
        policy: "distribute_available",
        method: "round_robin",
        ruleName: "Nhóm bán hàng",
        shareCount: answerable.size,
      });
      // Nothing is shared before the confirmation.
      expect(psidsWhere(await conversationsByPsid(channelId), "unassigned").size).toBe(THREADS);
      await expect(
        confirmHistoryPolicy(world.admin, channelId, { shareCount: answerable.size + 1 }),
      ).rejects.toMatchObject({
        code: "conflict",
        params: { reason: "share_count_changed", count: answerable.size },
      });
      const [agent] = agents;
      if (!agent) throw new Error("no agents");
      await expect(
        confirmHistoryPolicy(agent, channelId, { shareCount: answerable.size }),
      ).rejects.toMatchObject({ code: "forbidden" });

      const applied = await confirmHistoryPolicy(world.admin, channelId, { shareCount: answerable.size });
      expect(applied).toMatchObject({ confirmation: null, distributed: { count: answerable.size, queued: 0 } });
      const rows = await conversationsByPsid(channelId);
      expect(psidsWhere(rows, "assigned")).toEqual(answerable);
      expect(psidsWhere(rows, "unassigned").size).toBe(THREADS - answerable.size);
      const perAgent = agents.map(
        (member) => [...rows.values()].filter((row) => row.assigneeId === member.id).length,
      );
      expect(Math.max(...perAgent) - Math.min(...perAgent)).toBeLessThanOrEqual(1);
      for (const psid of answerable) {
        expect(rows.get(psid)?.assignmentEvents).toEqual([
          {
            kind: "assigned",
            toUserId: rows.get(psid)?.assigneeId,
            reason: assignmentReasons.oldConversationPolicy,
            actorUserId: world.admin.id,
          },
        ]);
      }

      // Confirming again changes nothing.
      expect(await confirmHistoryPolicy(world.admin, channelId, { shareCount: answerable.size })).toMatchObject({
        distributed: { count: answerable.size },
      });
      expect(await db().assignmentEvent.count()).toBe(answerable.size);
    },
    LONG,
  );

  it(
    "shares all of them when the rule says so",
    async () => {
      const { channelId } = await syncIntoRule("round_robin", "distribute_all");
      expect((await readHistorySync(world.admin, channelId))?.confirmation).toMatchObject({
        policy: "distribute_all",
        shareCount: THREADS,
      });
      await confirmHistoryPolicy(world.admin, channelId, { shareCount: THREADS });
      const rows = await conversationsByPsid(channelId);
      expect(psidsWhere(rows, "assigned").size).toBe(THREADS);
      expect(new Set([...rows.values()].map((row) => row.assigneeId))).toEqual(
        new Set(agents.map((agent) => agent.id)),
      );
    },
    LONG,
  );

  it(
    "item 9: puts the answerable ones in the claim queue of a self-claim rule, and the card says they wait there, given to nobody",
    async () => {
      const { channelId, ruleId } = await syncIntoRule("self_claim", "distribute_available");
      const answerable = answerablePsids(world.emulator);
      const applied = await confirmHistoryPolicy(world.admin, channelId, { shareCount: answerable.size });
      expect(applied?.distributed).toMatchObject({ count: answerable.size, queued: answerable.size });
      expect(await syncRow(channelId)).toMatchObject({ conversationsDistributed: answerable.size, conversationsQueued: answerable.size });
      const rows = await conversationsByPsid(channelId);
      expect(psidsWhere(rows, "awaiting_claim")).toEqual(answerable);
      for (const psid of answerable) expect(rows.get(psid)).toMatchObject({ ruleId, assigneeId: null });
      expect(psidsWhere(rows, "assigned").size).toBe(0);
    },
    LONG,
  );

  it(
    "leaves history synced before the page joined a distributing rule mid-sync to the confirmation at the end",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      await setChannelChatMode(world.admin, channelId, { mode: "only_me" });
      await vi.waitFor(async () => expect((await syncRow(channelId)).threadsImported).toBeGreaterThan(0), { timeout: 30_000, interval: 10 });
      await createRule(world.admin, {
        name: "Chia hết",
        sourceChannelIds: [channelId],
        memberEmails: agents.map((agent) => agent.email),
        method: "round_robin",
        oldConversationPolicy: "distribute_all",
        moveSources: false,
      });
      // The rule took the page while its history was still arriving: nothing is handed out yet.
      expect((await syncRow(channelId)).status).not.toBe("done");
      expect(await db().conversation.count({ where: { channelId, origin: "synced", assigneeId: { not: null } } })).toBe(0);

      await vi.waitFor(async () => expect((await syncRow(channelId)).status).toBe("done"), { timeout: 90_000, interval: 50 });
      expect((await readHistorySync(world.admin, channelId))?.confirmation).toMatchObject({ policy: "distribute_all", shareCount: THREADS });
      await confirmHistoryPolicy(world.admin, channelId, { shareCount: THREADS });
      expect(psidsWhere(await conversationsByPsid(channelId), "assigned").size).toBe(THREADS);
    },
    LONG,
  );

  it(
    "gives an only-me page's history to the admin who connected it, without asking",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      await setChannelChatMode(world.admin, channelId, { mode: "only_me" });
      await vi.waitFor(async () => expect((await syncRow(channelId)).status).toBe("done"), {
        timeout: 90_000,
        interval: 50,
      });

      expect(await readHistorySync(world.admin, channelId)).toMatchObject({
        confirmation: null,
        distributed: { count: THREADS },
      });
      const rows = await conversationsByPsid(channelId);
      expect(rows.size).toBe(historyThreads(world.emulator).length);
      for (const row of rows.values()) {
        expect(row).toMatchObject({ state: "assigned", assigneeId: world.admin.id });
        expect(row.assignmentEvents).toEqual([
          {
            kind: "assigned",
            toUserId: world.admin.id,
            reason: assignmentReasons.onlyMeChannel,
            actorUserId: null,
          },
        ]);
      }
    },
    LONG,
  );
});
