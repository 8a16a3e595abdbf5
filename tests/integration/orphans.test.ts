// Conversations left without a caretaker when a member leaves a rule or is deactivated: the rule's
// "Xử lý hội thoại cũ" decides, every orphaning is recorded, and none is lost (they are counted).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRule, updateRule } from "@/lib/assignment/save-rule";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ParsedRuleInput } from "@/lib/assignment/rule-schemas";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation, runConcurrently } from "../support/assignment-fixtures";

let admin: SessionUser;
let workspaceId: string;
let channelId: string;
let members: SessionUser[];

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  channelId = await createChannel(workspaceId, admin.id);
  members = await createStaff(workspaceId, 3);
});

function ruleInput(overrides: Partial<ParsedRuleInput>): ParsedRuleInput {
  return {
    name: "Chăm sóc",
    sourceChannelIds: [channelId],
    memberEmails: members.map((member) => member.email),
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
    ...overrides,
  };
}

/** 30 round-robin conversations: 10 per member. Returns the ids the first member holds. */
async function fillRule(input: ParsedRuleInput) {
  const rule = await createRule(admin, { ...input, method: "round_robin" });
  await runConcurrently(30, 6, () => receiveNewConversation(channelId));
  if (input.method !== "round_robin") await updateRule(admin, rule.id, input);
  const held = await db().conversation.findMany({ where: { assigneeId: members[0]!.id }, select: { id: true } });
  expect(held).toHaveLength(10);
  return { rule, held: held.map((conversation) => conversation.id) };
}

async function stateOf(ids: string[]) {
  return db().conversation.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, assigneeId: true, ruleId: true } });
}

async function expectNoneLost() {
  expect(await db().conversation.count()).toBe(30);
  const byState = await db().conversation.groupBy({ by: ["state"], _count: { _all: true } });
  expect(byState.reduce((sum, group) => sum + group._count._all, 0)).toBe(30);
}

describe("orphaned conversations", () => {
  it("keep_unassigned: a removed member's conversations wait unassigned in the rule, visible to admins", async () => {
    const { rule, held } = await fillRule(ruleInput({}));
    await updateRule(admin, rule.id, ruleInput({ memberEmails: [members[1]!.email, members[2]!.email] }));

    const after = await stateOf(held);
    expect(after.every((c) => c.state === "unassigned" && c.assigneeId === null && c.ruleId === rule.id)).toBe(true);
    const adminView = await db().conversation.count({
      where: { AND: [{ id: { in: held } }, visibleConversationsWhere(admin, { adminsSeeOnlyMeChannels: true })] },
    });
    expect(adminView).toBe(10);
    const events = await db().assignmentEvent.findMany({ where: { conversationId: { in: held }, kind: "orphaned" } });
    expect(events).toHaveLength(10);
    expect(events.every((event) => event.fromUserId === members[0]!.id && event.actorUserId === admin.id && event.reason === "member_removed")).toBe(true);
    expect((await db().conversation.groupBy({ by: ["assigneeId"], _count: { _all: true } })).find((g) => g.assigneeId === null)?._count._all).toBe(10);
    await expectNoneLost();
  });

  it("distribute_all with round-robin: they go to the remaining members in turn", async () => {
    const { rule, held } = await fillRule(ruleInput({ oldConversationPolicy: "distribute_all" }));
    await updateRule(admin, rule.id, ruleInput({ oldConversationPolicy: "distribute_all", memberEmails: [members[1]!.email, members[2]!.email] }));

    const after = await stateOf(held);
    expect(after.every((c) => c.state === "assigned")).toBe(true);
    const counts = [members[1]!, members[2]!].map((member) => after.filter((c) => c.assigneeId === member.id).length);
    expect(counts.sort()).toEqual([5, 5]);
    const totals = await db().conversation.groupBy({ by: ["assigneeId"], _count: { _all: true } });
    expect(totals.map((group) => group._count._all).sort()).toEqual([15, 15]);
    expect(await db().assignmentEvent.count({ where: { kind: "assigned", reason: "old_conversation_policy" } })).toBe(10);
    await expectNoneLost();
  });

  it("distribute_all with self-claim: they go back to the rule's queue", async () => {
    const { rule, held } = await fillRule(ruleInput({ method: "self_claim", oldConversationPolicy: "distribute_all" }));
    await updateRule(admin, rule.id, ruleInput({ method: "self_claim", oldConversationPolicy: "distribute_all", memberEmails: [members[1]!.email] }));

    expect((await stateOf(held)).every((c) => c.state === "awaiting_claim" && c.assigneeId === null && c.ruleId === rule.id)).toBe(true);
    // Member 2 also left: their 10 are queued too; member 1 keeps theirs.
    expect(await db().conversation.count({ where: { state: "awaiting_claim" } })).toBe(20);
    expect(await db().conversation.count({ where: { assigneeId: members[1]!.id } })).toBe(10);
    expect(await db().assignmentEvent.count({ where: { kind: "orphaned" } })).toBe(20);
    await expectNoneLost();
  });

  it("distribute_available: only conversations still inside the reply window are handed out", async () => {
    const { rule, held } = await fillRule(ruleInput({ oldConversationPolicy: "distribute_available" }));
    const stale = held.slice(0, 4);
    await db().conversation.updateMany({ where: { id: { in: stale } }, data: { lastInboundAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    await updateRule(admin, rule.id, ruleInput({ oldConversationPolicy: "distribute_available", memberEmails: [members[1]!.email, members[2]!.email] }));

    const after = await stateOf(held);
    expect(after.filter((c) => stale.includes(c.id)).every((c) => c.state === "unassigned" && c.ruleId === rule.id)).toBe(true);
    expect(after.filter((c) => !stale.includes(c.id)).every((c) => c.state === "assigned" && c.assigneeId !== members[0]!.id)).toBe(true);
    await expectNoneLost();
  });

  it("deactivating a member releases their conversations through the same policy", async () => {
    const { held } = await fillRule(ruleInput({ oldConversationPolicy: "distribute_all" }));
    await setStaffActive(admin, members[0]!.id, false);

    const after = await stateOf(held);
    expect(after.every((c) => c.state === "assigned" && c.assigneeId !== members[0]!.id)).toBe(true);
    const events = await db().assignmentEvent.findMany({ where: { kind: "orphaned" } });
    expect(events).toHaveLength(10);
    expect(events.every((event) => event.reason === "member_deactivated" && event.fromUserId === members[0]!.id)).toBe(true);
    // The next new conversation skips the deactivated member.
    const next = await receiveNewConversation(channelId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: next } })).assigneeId).not.toBe(members[0]!.id);
  });

  it("a member deactivated while conversations arrive concurrently never keeps one", async () => {
    await createRule(admin, ruleInput({ oldConversationPolicy: "distribute_all" }));
    const arriving = runConcurrently(60, 6, () => receiveNewConversation(channelId));
    const deactivating = setStaffActive(admin, members[0]!.id, false);
    await Promise.all([arriving, deactivating]);

    expect(await db().conversation.count({ where: { assigneeId: members[0]!.id } })).toBe(0);
    expect(await db().conversation.count({ where: { state: "assigned" } })).toBe(60);
  });

  it("deactivating the admin of an \"only me\" page asks where the page goes; its conversations go with it, not back to a queue", async () => {
    const [otherAdmin] = await createStaff(workspaceId, 1, { role: "admin", prefix: "owner" });
    const onlyMe = await createChannel(workspaceId, otherAdmin!.id, { chatMode: "only_me" });
    const id = await receiveNewConversation(onlyMe);
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(otherAdmin!.id);

    await expect(setStaffActive(admin, otherAdmin!.id, false)).rejects.toMatchObject({ status: 409, params: { reason: "channel_handover_required", count: 1 } });
    expect((await db().user.findUniqueOrThrow({ where: { id: otherAdmin!.id } })).active).toBe(true);

    await setStaffActive(admin, otherAdmin!.id, false, [{ channelId: onlyMe, to: "admin", adminId: admin.id }]);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "assigned", assigneeId: admin.id });
    expect(await db().assignmentEvent.count({ where: { conversationId: id, kind: "orphaned" } })).toBe(0);
    const next = await receiveNewConversation(onlyMe);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ state: "assigned", assigneeId: admin.id });
  });
});
