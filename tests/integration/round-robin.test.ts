// Round-robin under real concurrency: many transactions on separate connections route new
// conversations of the same rule at once.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRule, updateRule } from "@/lib/assignment/save-rule";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation, runConcurrently } from "../support/assignment-fixtures";

let admin: SessionUser;
let workspaceId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
});

async function countsByAssignee(ruleId: string) {
  const groups = await db().conversation.groupBy({ by: ["assigneeId"], where: { ruleId }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.assigneeId, group._count._all]));
}

describe("round-robin", () => {
  it("spreads 1,000 conversations from 20 concurrent writers over 7 members within one, skipping an inactive member", async () => {
    const members = await createStaff(workspaceId, 7);
    const [locked] = await createStaff(workspaceId, 1, { prefix: "locked" });
    const channelId = await createChannel(workspaceId, admin.id);
    const rule = await createRule(admin, {
      name: "Bán hàng",
      sourceChannelIds: [channelId],
      memberEmails: [...members.slice(0, 3), locked!, ...members.slice(3)].map((member) => member.email),
      method: "round_robin",
      oldConversationPolicy: "keep_unassigned",
      moveSources: false,
    });
    await db().user.update({ where: { id: locked!.id }, data: { active: false } });

    const ids = await runConcurrently(1000, 20, () => receiveNewConversation(channelId));

    expect(new Set(ids).size).toBe(1000);
    const counts = await countsByAssignee(rule.id);
    expect(counts.get(null)).toBeUndefined();
    expect(counts.get(locked!.id)).toBeUndefined();
    const perMember = members.map((member) => counts.get(member.id) ?? 0);
    expect(perMember.reduce((sum, count) => sum + count, 0)).toBe(1000);
    expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);

    // Never assigned twice: exactly one assignment event per conversation, matching its assignee.
    const events = await db().assignmentEvent.findMany({ where: { conversationId: { in: ids } }, select: { conversationId: true, kind: true, toUserId: true } });
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((event) => event.conversationId)).size).toBe(1000);
    const assignees = new Map(
      (await db().conversation.findMany({ where: { id: { in: ids } }, select: { id: true, assigneeId: true } })).map((c) => [c.id, c.assigneeId]),
    );
    for (const event of events) expect(event.toUserId).toBe(assignees.get(event.conversationId));
  }, 180_000);

  it("keeps the turn order when members change; a removed member's conversation is released", async () => {
    const [an, binh, chi] = await createStaff(workspaceId, 3);
    const channelId = await createChannel(workspaceId, admin.id);
    const input = {
      name: "Xoay vòng",
      sourceChannelIds: [channelId],
      memberEmails: [an!.email, binh!.email],
      method: "round_robin" as const,
      oldConversationPolicy: "keep_unassigned" as const,
      moveSources: false,
    };
    const rule = await createRule(admin, input);
    const first = await receiveNewConversation(channelId);
    await updateRule(admin, rule.id, { ...input, memberEmails: [binh!.email, chi!.email] });
    const next = [await receiveNewConversation(channelId), await receiveNewConversation(channelId), await receiveNewConversation(channelId)];
    const assignee = async (id: string) => (await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId;
    // An got the first one, then left the rule: with "Không chia hội thoại cũ" it waits for admins.
    expect(await db().conversation.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ assigneeId: null, state: "unassigned", ruleId: rule.id });
    expect(await Promise.all(next.map(assignee))).toEqual([binh!.id, chi!.id, binh!.id]);
  });

  it("leaves a conversation unassigned, with the reason recorded, when no member is active", async () => {
    const [only] = await createStaff(workspaceId, 1);
    const channelId = await createChannel(workspaceId, admin.id);
    await createRule(admin, {
      name: "Vắng",
      sourceChannelIds: [channelId],
      memberEmails: [only!.email],
      method: "round_robin",
      oldConversationPolicy: "keep_unassigned",
      moveSources: false,
    });
    await db().user.update({ where: { id: only!.id }, data: { active: false } });
    const id = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "unassigned", assigneeId: null });
    expect(await db().assignmentEvent.findMany({ where: { conversationId: id } })).toMatchObject([{ kind: "orphaned", reason: "no_active_member" }]);
  });
});
