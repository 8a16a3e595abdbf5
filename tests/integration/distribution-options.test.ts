// A rule's distribution options under real concurrency on real PostgreSQL: the cap per agent,
// only-available members, least-loaded, the queue handed out oldest first, and the reply timeout
// with two runners at once.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { ruleInputSchema, type ParsedRuleInput } from "@/lib/assignment/rule-schemas";
import { claimConversation } from "@/lib/assignment/claim-conversation";
import { closeConversation } from "@/lib/assignment/close-conversation";
import { reassignUnanswered } from "@/lib/assignment/reassign-unanswered";
import { setAvailability } from "@/lib/availability/set-availability";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createSalesRule, createStaff, createWorkspace, receiveNewConversation, runConcurrently } from "../support/assignment-fixtures";

let admin: SessionUser;
let workspaceId: string;
let channelId: string;

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  channelId = await createChannel(workspaceId, admin.id);
});

function ruleFor(members: SessionUser[], options: Partial<ParsedRuleInput>) {
  return createSalesRule(admin, [channelId], members, options);
}

async function openCounts(ruleId: string): Promise<Map<string | null, number>> {
  const groups = await db().conversation.groupBy({ by: ["assigneeId", "state"], where: { ruleId }, _count: { _all: true } });
  const counts = new Map<string | null, number>();
  for (const group of groups) {
    const key = group.state === "assigned" ? group.assigneeId : group.state;
    counts.set(key, (counts.get(key) ?? 0) + group._count._all);
  }
  return counts;
}

describe("Tối đa N hội thoại đang mở mỗi nhân viên", () => {
  it("never exceeds the cap with 50 concurrent arrivals; the rest wait in Chờ nhận", async () => {
    const members = await createStaff(workspaceId, 4);
    const rule = await ruleFor(members, { maxOpenPerAgent: 3 });

    await runConcurrently(50, 25, () => receiveNewConversation(channelId));

    const counts = await openCounts(rule.id);
    for (const member of members) expect(counts.get(member.id)).toBe(3);
    expect(counts.get("awaiting_claim")).toBe(38);
    const assignedEvents = await db().assignmentEvent.count({ where: { kind: "assigned", conversation: { ruleId: rule.id } } });
    expect(assignedEvents).toBe(12);
  }, 120_000);

  it("refuses Nhận chat at the cap, even for simultaneous claims by the same agent", async () => {
    const [ha] = (await createStaff(workspaceId, 1)) as [SessionUser];
    await ruleFor([ha], { method: "self_claim", maxOpenPerAgent: 1 });
    const ids = await Promise.all([receiveNewConversation(channelId), receiveNewConversation(channelId), receiveNewConversation(channelId)]);

    const results = await Promise.allSettled(ids.map((id) => claimConversation(ha, id)));

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", params: { reason: "at_cap", max: 1 } });
    }
    expect(await db().conversation.count({ where: { assigneeId: ha.id } })).toBe(1);
  });

  it("refuses a cap of 0 or less and a timeout under a minute with the form's error codes", () => {
    const base = { name: "X", sourceChannelIds: [], memberEmails: ["a@shop.vn"], method: "round_robin", oldConversationPolicy: "keep_unassigned" };
    const zeroCap = ruleInputSchema.safeParse({ ...base, maxOpenPerAgent: 0 });
    const negativeCap = ruleInputSchema.safeParse({ ...base, maxOpenPerAgent: -2 });
    const shortTimeout = ruleInputSchema.safeParse({ ...base, reassignAfterMinutes: 0.5 });
    expect(zeroCap.error?.issues[0]?.message).toBe("cap_invalid");
    expect(negativeCap.error?.issues[0]?.message).toBe("cap_invalid");
    expect(shortTimeout.error?.issues[0]?.message).toBe("timeout_invalid");
    expect(ruleInputSchema.parse(base)).toMatchObject({ onlyAvailable: true, maxOpenPerAgent: null, reassignAfterMinutes: null });
  });
});

describe("Chỉ chia cho nhân viên sẵn sàng nhận chat", () => {
  it("spreads 300 conversations from 20 concurrent writers within one among available members, none to the away one", async () => {
    const members = await createStaff(workspaceId, 5);
    const rule = await ruleFor(members, {});
    await setAvailability(members[0]!, "away");

    const ids = await runConcurrently(300, 20, () => receiveNewConversation(channelId));

    const counts = await openCounts(rule.id);
    expect(counts.get(members[0]!.id)).toBeUndefined();
    const perMember = members.slice(1).map((member) => counts.get(member.id) ?? 0);
    expect(perMember.reduce((sum, count) => sum + count, 0)).toBe(300);
    expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);
    expect(await db().assignmentEvent.count({ where: { conversationId: { in: ids } } })).toBe(300);
  }, 120_000);

  it("gives nothing to an away member, and hands the queue out oldest first when one becomes available and below the cap", async () => {
    const [ha, minh] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
    const rule = await ruleFor([ha, minh], { maxOpenPerAgent: 2 });
    await setAvailability(minh, "away");
    const forHa = await receiveNewConversation(channelId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: forHa } })).assigneeId).toBe(ha.id);

    await setAvailability(ha, "away");
    const waiting: string[] = [];
    for (let index = 0; index < 3; index++) waiting.push(await receiveNewConversation(channelId));
    expect(await db().conversation.count({ where: { id: { in: waiting }, state: "awaiting_claim", assigneeId: null } })).toBe(3);

    await setAvailability(minh, "available");
    const assignee = async (id: string) => (await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId;
    expect(await Promise.all(waiting.map(assignee))).toEqual([minh.id, minh.id, null]);

    // Minh closes one: below the cap again, the last waiting conversation is hers.
    await closeConversation(minh, waiting[0]!);
    expect(await assignee(waiting[2]!)).toBe(minh.id);
    expect((await openCounts(rule.id)).get("awaiting_claim")).toBeUndefined();
  });
});

describe("Chia cho người ít việc nhất", () => {
  it("gives each new conversation to the member with the fewest open ones, ties in turn", async () => {
    const [an, binh, chi] = (await createStaff(workspaceId, 3)) as [SessionUser, SessionUser, SessionUser];
    await ruleFor([an, binh, chi], { method: "least_loaded" });
    const assignee = async (id: string) => (await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId;
    const first = [await receiveNewConversation(channelId), await receiveNewConversation(channelId), await receiveNewConversation(channelId)];
    expect(await Promise.all(first.map(assignee))).toEqual([an.id, binh.id, chi.id]);

    // Bình and Chi finish theirs; An still holds one.
    await closeConversation(binh, first[1]!);
    await closeConversation(chi, first[2]!);
    const next = [await receiveNewConversation(channelId), await receiveNewConversation(channelId), await receiveNewConversation(channelId)];
    expect(await Promise.all(next.map(assignee))).toEqual([binh.id, chi.id, an.id]);
  });
});

describe("Chia lại nếu không trả lời sau N phút", () => {
  it("moves a conversation whose customer waited too long to the next member exactly once, even with two runners at once", async () => {
    const [ha, minh, lan] = (await createStaff(workspaceId, 3)) as [SessionUser, SessionUser, SessionUser];
    await ruleFor([ha, minh, lan], { reassignAfterMinutes: 5 });
    const id = await receiveNewConversation(channelId);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await db().conversation.update({ where: { id }, data: { awaitingReplySince: tenMinutesAgo } });
    const answered = await receiveNewConversation(channelId);
    await db().conversation.update({ where: { id: answered }, data: { awaitingReplySince: null } });

    const moved = await Promise.all([reassignUnanswered(), reassignUnanswered()]);
    expect(moved.toSorted()).toEqual([0, 1]);
    // A later round finds nothing more to do for this wait.
    expect(await reassignUnanswered(new Date(Date.now() + 60 * 60_000))).toBe(0);

    const events = await db().assignmentEvent.findMany({ where: { conversationId: id, kind: "reassigned" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromUserId: ha.id, reason: "reply_timeout" });
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(events[0]!.toUserId);
    expect(events[0]!.toUserId).not.toBe(ha.id);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: answered } })).assigneeId).toBe(minh.id);
  });
});
