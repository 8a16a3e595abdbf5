// Rules in Settings and the admin actions on conversations: saving, moving pages between rules,
// deleting, reassigning, and forged requests that must change nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addSourceToRule, createRule, updateRule } from "@/lib/assignment/save-rule";
import { deleteRule } from "@/lib/assignment/delete-rule";
import { listRules } from "@/lib/assignment/list-rules";
import { listRuleFormOptions } from "@/lib/assignment/list-rule-form-options";
import { reassignConversation } from "@/lib/assignment/reassign-conversation";
import { unassignConversation } from "@/lib/assignment/unassign-conversation";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";
import { claimConversation } from "@/lib/assignment/claim-conversation";
import { ruleInputSchema, type ParsedRuleInput } from "@/lib/assignment/rule-schemas";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";

let admin: SessionUser;
let workspaceId: string;
let channelId: string;
let ha: SessionUser;
let minh: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  channelId = await createChannel(workspaceId, admin.id, { name: "Shop Quần Áo" });
  [ha, minh] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
});

function input(overrides: Partial<ParsedRuleInput> = {}): ParsedRuleInput {
  return ruleInputSchema.parse({
    name: "Bán hàng",
    sourceChannelIds: [channelId],
    memberEmails: [ha.email, minh.email],
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    ...overrides,
  });
}

async function snapshot() {
  const [rules, sources, members, conversations, events, channels] = await Promise.all([
    db().assignmentRule.findMany({ orderBy: { id: "asc" } }),
    db().ruleSource.findMany({ orderBy: { channelId: "asc" } }),
    db().ruleMember.findMany({ orderBy: [{ ruleId: "asc" }, { userId: "asc" }] }),
    db().conversation.findMany({ orderBy: { id: "asc" } }),
    db().assignmentEvent.count(),
    db().channel.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { rules, sources, members, conversations, events, channels };
}

describe("saving rules", () => {
  it("creates a rule with its pages and members, and lists it", async () => {
    const rule = await createRule(admin, input({ memberEmails: [` ${ha.email.toUpperCase()} `, minh.email] }));
    expect(rule).toMatchObject({
      name: "Bán hàng",
      method: "round_robin",
      oldConversationPolicy: "keep_unassigned",
      sources: [{ id: channelId, name: "Shop Quần Áo" }],
      members: [{ id: ha.id }, { id: minh.id }],
    });
    expect(await listRules(admin)).toEqual([rule]);
    const options = await listRuleFormOptions(admin);
    expect(options.channels).toMatchObject([{ id: channelId, rule: { id: rule.id, name: "Bán hàng" } }]);
  });

  it("names an unknown email in a field error and saves nothing", async () => {
    const before = await snapshot();
    await expect(createRule(admin, input({ memberEmails: [ha.email, "nobody@shop.vn"] }))).rejects.toMatchObject({
      code: "invalid_input",
      params: { emails: "nobody@shop.vn" },
      fieldErrors: { memberEmails: ["unknown_email"] },
    });
    const [stranger] = await createStaff((await createWorkspace("Other")).workspaceId, 1, { prefix: "stranger" });
    await expect(createRule(admin, input({ memberEmails: [stranger!.email] }))).rejects.toMatchObject({ fieldErrors: { memberEmails: ["unknown_email"] } });
    expect((await snapshot()).rules).toEqual(before.rules);
  });

  it("refuses to add a locked account, but keeps one that was already a member", async () => {
    const rule = await createRule(admin, input());
    const [locked] = await createStaff(workspaceId, 1, { prefix: "locked", active: false });
    await expect(updateRule(admin, rule.id, input({ memberEmails: [ha.email, locked!.email] }))).rejects.toMatchObject({
      fieldErrors: { memberEmails: ["inactive_member"] },
    });
    await db().user.update({ where: { id: minh.id }, data: { active: false } });
    await expect(updateRule(admin, rule.id, input({ name: "Đổi tên" }))).resolves.toMatchObject({ name: "Đổi tên" });
  });

  it("refuses a duplicate name", async () => {
    await createRule(admin, input());
    await expect(createRule(admin, input({ name: "bán hàng", sourceChannelIds: [] }))).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: ["name_taken"] },
    });
  });

  it("does not take a page from another rule silently; moves it when confirmed", async () => {
    const first = await createRule(admin, input({ method: "self_claim" }));
    const waiting = await receiveNewConversation(channelId);
    const before = await snapshot();
    await expect(createRule(admin, input({ name: "Khác", memberEmails: [minh.email] }))).rejects.toMatchObject({
      code: "conflict",
      params: { pages: "Shop Quần Áo", rules: "Bán hàng" },
      fieldErrors: { sourceChannelIds: ["source_taken"] },
    });
    expect(await snapshot()).toEqual(before);

    // Confirmed: the page and its queue move; the new round-robin rule hands the queue out.
    const second = await createRule(admin, input({ name: "Khác", memberEmails: [minh.email], moveSources: true }));
    expect(second.sources.map((source) => source.id)).toEqual([channelId]);
    expect((await listRules(admin)).find((rule) => rule.id === first.id)?.sources).toEqual([]);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ ruleId: second.id, assigneeId: minh.id, state: "assigned" });
  });

  it("adds a page to an existing rule (the wizard's \"Thêm vào quy tắc đã có\") and makes it shared", async () => {
    const rule = await createRule(admin, input({ sourceChannelIds: [] }));
    const onlyMe = await createChannel(workspaceId, admin.id, { name: "Trang riêng", chatMode: "only_me" });
    const updated = await addSourceToRule(admin, rule.id, onlyMe);
    expect(updated.sources).toMatchObject([{ id: onlyMe }]);
    expect((await db().channel.findUniqueOrThrow({ where: { id: onlyMe } })).chatMode).toBe("shared");
    const id = await receiveNewConversation(onlyMe);
    expect((await db().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(ha.id);
  });

  describe("item 8: switching to round-robin asks before handing out the \"Chờ nhận\" queue", () => {
    it("refuses the switch without a choice, naming how many conversations wait, and changes nothing", async () => {
      const rule = await createRule(admin, input({ method: "self_claim" }));
      await receiveNewConversation(channelId);
      await receiveNewConversation(channelId);
      const before = await snapshot();
      await expect(updateRule(admin, rule.id, input({ method: "round_robin" }))).rejects.toMatchObject({
        code: "conflict",
        params: { count: 2 },
        fieldErrors: { claimQueue: ["claim_queue_choice_required"] },
      });
      expect(await snapshot()).toEqual(before);
    });

    it("hands the queue out in turn when the admin chose to", async () => {
      const rule = await createRule(admin, input({ method: "self_claim" }));
      const ids = [await receiveNewConversation(channelId), await receiveNewConversation(channelId)];
      await updateRule(admin, rule.id, input({ method: "round_robin", claimQueue: "hand_out" }));
      const after = await db().conversation.findMany({ where: { id: { in: ids } }, orderBy: { lastMessageAt: "asc" } });
      expect(after.map((c) => [c.state, c.assigneeId])).toEqual([
        ["assigned", ha.id],
        ["assigned", minh.id],
      ]);
    });

    it("keeps the queue waiting when the admin chose to; new conversations go round-robin, and the next save asks again", async () => {
      const rule = await createRule(admin, input({ method: "self_claim" }));
      const waiting = await receiveNewConversation(channelId);
      const saved = await updateRule(admin, rule.id, input({ method: "round_robin", claimQueue: "keep_waiting" }));
      expect(saved).toMatchObject({ method: "round_robin", awaitingClaimCount: 1 });
      expect(await db().conversation.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ state: "awaiting_claim", assigneeId: null });
      const fresh = await receiveNewConversation(channelId);
      expect(await db().conversation.findUniqueOrThrow({ where: { id: fresh } })).toMatchObject({ state: "assigned", assigneeId: ha.id });
      await expect(updateRule(admin, rule.id, input({ name: "Bán hàng 2", method: "round_robin" }))).rejects.toMatchObject({ params: { count: 1 } });
      // A member can still claim what was kept waiting.
      await claimConversation(minh, waiting);
      expect(await db().conversation.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ state: "assigned", assigneeId: minh.id });
    });

    it("asks nothing when the queue is empty", async () => {
      const rule = await createRule(admin, input({ method: "self_claim" }));
      await expect(updateRule(admin, rule.id, input({ method: "round_robin" }))).resolves.toMatchObject({ method: "round_robin" });
    });
  });

  it("applies the policy to old conversations of a page that joins a rule", async () => {
    const waitingForAdmins = await receiveNewConversation(channelId);
    const synced = await receiveNewConversation(channelId, { origin: "synced", route: false, lastInboundAt: new Date(Date.now() - 30 * 24 * 3600 * 1000) });
    await createRule(admin, input({ oldConversationPolicy: "distribute_available" }));
    expect(await db().conversation.findUniqueOrThrow({ where: { id: waitingForAdmins } })).toMatchObject({ state: "assigned", assigneeId: ha.id });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: synced } })).toMatchObject({ state: "unassigned", assigneeId: null });
  });

  it("mixes a Facebook page and a Zalo OA: both are offered as sources, shared in turn, and “khả dựng” means Zalo's 7 days", async () => {
    const zaloOa = await createChannel(workspaceId, admin.id, { name: "Shop Thời Trang Mai", platform: "zalo" });
    const options = await listRuleFormOptions(admin);
    expect(options.channels.map(({ name, platform }) => ({ name, platform }))).toEqual([
      { name: "Shop Quần Áo", platform: "facebook" },
      { name: "Shop Thời Trang Mai", platform: "zalo" },
    ]);
    expect(options.answerable).toContainEqual({ platform: "zalo", days: 7 });

    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
    // Written 3 days ago: past Zalo's free 48 h, but a (paid) reply is still possible; 10 days: Zalo refuses (-230).
    const answerable = await receiveNewConversation(zaloOa, { origin: "synced", route: false, lastInboundAt: daysAgo(3) });
    const tooOld = await receiveNewConversation(zaloOa, { origin: "synced", route: false, lastInboundAt: daysAgo(10) });
    await createRule(admin, input({ sourceChannelIds: [channelId, zaloOa], memberEmails: [ha.email], oldConversationPolicy: "distribute_available" }));
    expect(await db().conversation.findUniqueOrThrow({ where: { id: answerable } })).toMatchObject({ state: "assigned", assigneeId: ha.id });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: tooOld } })).toMatchObject({ state: "unassigned", assigneeId: null });

    const fromFacebook = await receiveNewConversation(channelId);
    const fromZalo = await receiveNewConversation(zaloOa);
    for (const id of [fromFacebook, fromZalo]) {
      expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "assigned", assigneeId: ha.id });
    }
  });

  it("deleting a rule releases its queue to admins and keeps handled conversations", async () => {
    const rule = await createRule(admin, input({ method: "self_claim" }));
    const [claimed, waiting] = [await receiveNewConversation(channelId), await receiveNewConversation(channelId)];
    await claimConversation(ha, claimed);
    await deleteRule(admin, rule.id);

    expect(await db().assignmentRule.count()).toBe(0);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: claimed } })).toMatchObject({ assigneeId: ha.id, state: "assigned", ruleId: null });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ assigneeId: null, state: "unassigned", ruleId: null });
    expect(await db().assignmentEvent.findMany({ where: { conversationId: waiting } })).toMatchObject([{ kind: "orphaned", reason: "rule_deleted", actorUserId: admin.id }]);
    const next = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ state: "unassigned", assigneeId: null });
  });
});

describe("routing", () => {
  it("\"only me\" pages go to the connecting admin", async () => {
    const onlyMe = await createChannel(workspaceId, admin.id, { chatMode: "only_me" });
    const id = await receiveNewConversation(onlyMe);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "assigned", assigneeId: admin.id });
  });

  it("a shared page in no rule leaves the conversation unassigned", async () => {
    const id = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "unassigned", assigneeId: null, ruleId: null });
  });
});

describe("admin reassignment", () => {
  it("reassigns to a rule member and unassigns, recording who, from whom and why", async () => {
    const rule = await createRule(admin, input());
    const id = await receiveNewConversation(channelId);
    await reassignConversation(admin, id, minh.id);
    await unassignConversation(admin, id);

    const history = await listAssignmentHistory(admin, id);
    expect(history).toMatchObject({ assignee: null, state: "unassigned", rule: { id: rule.id, name: "Bán hàng" } });
    expect(history.candidates.map((candidate) => candidate.id).sort()).toEqual([ha.id, minh.id].sort());
    expect(history.events).toMatchObject([
      { kind: "unassigned", from: { id: minh.id }, actor: { id: admin.id }, reason: "admin_unassign" },
      { kind: "reassigned", from: { id: ha.id }, to: { id: minh.id }, actor: { id: admin.id }, reason: "admin_reassign" },
      { kind: "assigned", to: { id: ha.id }, actor: null, reason: "round_robin" },
    ]);
  });

  it("unassigning in a self-claim rule puts the conversation back in the queue", async () => {
    await createRule(admin, input({ method: "self_claim" }));
    const id = await receiveNewConversation(channelId);
    await claimConversation(ha, id);
    await unassignConversation(admin, id);
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "awaiting_claim", assigneeId: null });
    await expect(claimConversation(minh, id)).resolves.toMatchObject({ assignee: { id: minh.id } });
  });

  it("refuses a target outside the rule; the agent in charge is offered the rule's members (Chuyển cho…), others see nothing", async () => {
    await createRule(admin, input({ memberEmails: [ha.email] }));
    const id = await receiveNewConversation(channelId);
    await expect(reassignConversation(admin, id, minh.id)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { userId: ["not_rule_member"] } });
    const agentView = await listAssignmentHistory(ha, id);
    expect(agentView.candidates.map((candidate) => candidate.id)).toEqual([ha.id]);
    await expect(listAssignmentHistory(minh, id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("forged requests change nothing", () => {
  it("agents cannot manage rules or reassign", async () => {
    const rule = await createRule(admin, input());
    const id = await receiveNewConversation(channelId);
    const before = await snapshot();
    await expect(createRule(ha, input({ name: "Của tôi", sourceChannelIds: [] }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateRule(ha, rule.id, input({ memberEmails: [ha.email] }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteRule(ha, rule.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(reassignConversation(ha, id, ha.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(unassignConversation(ha, id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });

  it("pages, rules and conversations of another workspace are not found", async () => {
    const other = await createWorkspace("Other");
    const foreignChannel = await createChannel(other.workspaceId, other.admin.id);
    const foreignRule = await createRule(other.admin, { ...input({ sourceChannelIds: [foreignChannel] }), memberEmails: [other.admin.email] });
    const foreignConversation = await receiveNewConversation(foreignChannel);
    const rule = await createRule(admin, input());
    const before = await snapshot();

    await expect(createRule(admin, input({ name: "Lấn", sourceChannelIds: [foreignChannel] }))).rejects.toMatchObject({ code: "not_found" });
    await expect(updateRule(admin, rule.id, input({ sourceChannelIds: [channelId, foreignChannel], moveSources: true }))).rejects.toMatchObject({ code: "not_found" });
    await expect(addSourceToRule(admin, rule.id, foreignChannel, { moveSource: true })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateRule(admin, foreignRule.id, input())).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteRule(admin, foreignRule.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(reassignConversation(admin, foreignConversation, ha.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listAssignmentHistory(admin, foreignConversation)).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("the schema rejects malformed input", () => {
    expect(ruleInputSchema.safeParse({ ...input(), name: "  " }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...input(), memberEmails: [] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...input(), memberEmails: ["not-an-email"] }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...input(), method: "random" }).success).toBe(false);
  });
});
