// Creates and edits assignment rules, each save in one transaction: members by email, pages (moved
// from another rule only when confirmed), method, distribution options and old-conversation policy.
// Members who leave release their conversations through the rule's policy; a round-robin or
// least-loaded save hands out the waiting "Chờ nhận" queue, or keeps it waiting, only as the admin
// chose after seeing its size. Also used by the connection wizard ("Tạo quy tắc mới", "Thêm vào quy tắc đã có").
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { lockRules, type LockedRule } from "@/lib/assignment/lock-rows";
import { resolveRuleMembers } from "@/lib/assignment/resolve-rule-members";
import { resolveRuleSources } from "@/lib/assignment/resolve-rule-sources";
import { attachRuleSources } from "@/lib/assignment/attach-rule-sources";
import { detachRuleSources } from "@/lib/assignment/detach-rule-sources";
import { orphanRuleMembersConversations } from "@/lib/assignment/handle-orphans";
import { assignRoundRobin } from "@/lib/assignment/assign-round-robin";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";
import { getRule } from "@/lib/assignment/list-rules";
import type { RuleDto } from "@/lib/assignment/rule-dto";
import { distributingMethods, distributionDefaults, type ClaimQueueDecision, type ParsedRuleInput } from "@/lib/assignment/rule-schemas";

/** Saves touch many rows when pages with long histories move; the default 5 s is too tight. */
const SAVE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

export async function createRule(admin: SessionUser, input: ParsedRuleInput): Promise<RuleDto> {
  assertAdmin(admin);
  const { ruleId, changes } = await translateUniqueViolations(() =>
    db().$transaction(async (tx) => {
      await assertNameFree(tx, admin.workspaceId, input.name, null);
      const members = await resolveRuleMembers(tx, admin.workspaceId, input.memberEmails, new Set());
      const sources = await resolveRuleSources(tx, admin.workspaceId, input.sourceChannelIds, { ruleId: null, moveSources: input.moveSources });
      const created = await tx.assignmentRule.create({
        data: {
          workspaceId: admin.workspaceId,
          name: input.name,
          ...ruleOptions(input),
          members: { create: members.map((member, position) => ({ userId: member.id, position })) },
        },
        select: { id: true },
      });
      const locked = await lockRules(tx, [created.id, ...ownerRuleIds(sources)]);
      const rule = locked.find((candidate) => candidate.id === created.id) as LockedRule;
      const changes = await attachRuleSources(tx, rule, sources.map((source) => source.id), admin.id);
      return { ruleId: created.id, changes };
    }, SAVE_TRANSACTION),
  );
  await publishAssignmentChanges(changes);
  return getRule(admin, ruleId);
}

export async function updateRule(admin: SessionUser, ruleId: string, input: ParsedRuleInput): Promise<RuleDto> {
  assertAdmin(admin);
  const changes = await translateUniqueViolations(() =>
    db().$transaction(async (tx) => {
      await findRuleOrThrow(tx, admin.workspaceId, ruleId);
      const sources = await resolveRuleSources(tx, admin.workspaceId, input.sourceChannelIds, { ruleId, moveSources: input.moveSources });
      const locked = await lockRules(tx, [ruleId, ...ownerRuleIds(sources)]);
      if (!locked.some((rule) => rule.id === ruleId)) throw new AppError("not_found", "No such rule in this workspace.");
      await assertNameFree(tx, admin.workspaceId, input.name, ruleId);
      // Counted under the rule's lock: no claim or new conversation changes the queue until the save ends.
      if (distributingMethods.includes(input.method)) await assertClaimQueueDecided(tx, ruleId, input.claimQueue);

      const current = await tx.ruleMember.findMany({ where: { ruleId }, select: { userId: true, position: true } });
      const members = await resolveRuleMembers(tx, admin.workspaceId, input.memberEmails, new Set(current.map((m) => m.userId)));
      const kept = new Set(members.map((member) => member.id));
      const removed = current.filter((member) => !kept.has(member.userId)).map((member) => member.userId);
      const existing = new Set(current.map((member) => member.userId));
      const added = members.filter((member) => !existing.has(member.id));
      // Newcomers join the end of the rotation; kept members keep their places, so the cursor stays meaningful.
      const nextPosition = Math.max(-1, ...current.map((member) => member.position)) + 1;

      const rule = await tx.assignmentRule.update({
        where: { id: ruleId },
        data: { name: input.name, ...ruleOptions(input) },
        select: lockedRuleSelect,
      });
      await tx.ruleMember.deleteMany({ where: { ruleId, userId: { in: removed } } });
      await tx.ruleMember.createMany({
        data: added.map((member, index) => ({ ruleId, userId: member.id, position: nextPosition + index })),
      });

      const currentSources = await tx.ruleSource.findMany({ where: { ruleId }, select: { channelId: true } });
      const wanted = new Set(sources.map((source) => source.id));
      const had = new Set(currentSources.map((source) => source.channelId));
      // In this order: the policy that redistributes orphans already sees the new members and method.
      const changes = await orphanRuleMembersConversations(tx, { workspaceId: admin.workspaceId, ruleId, userIds: removed, actorUserId: admin.id });
      changes.push(
        ...(await detachRuleSources(tx, {
          ruleId,
          channelIds: [...had].filter((channelId) => !wanted.has(channelId)),
          reason: assignmentReasons.sourceRemoved,
          actorUserId: admin.id,
        })),
      );
      changes.push(...(await attachRuleSources(tx, rule, [...wanted].filter((channelId) => !had.has(channelId)), admin.id)));
      if (distributingMethods.includes(rule.method) && input.claimQueue === "hand_out") changes.push(...(await handOutClaimQueue(tx, ruleId, admin.id)));
      return changes;
    }, SAVE_TRANSACTION),
  );
  await publishAssignmentChanges(changes);
  return getRule(admin, ruleId);
}

/**
 * The wizard's chat-permission step: one more page for a rule ("Thêm vào quy tắc đã có", or the
 * rule just created with the page under "Tạo quy tắc mới"). A page already in the rule stays as it is.
 */
export async function addSourceToRule(
  admin: SessionUser,
  ruleId: string,
  channelId: string,
  options: { moveSource?: boolean } = {},
): Promise<RuleDto> {
  assertAdmin(admin);
  await attachSourceToRule(admin, ruleId, channelId, options);
  return getRule(admin, ruleId);
}

/**
 * addSourceToRule without the admin check, for staff sharing a page they connected: with
 * `memberOnly`, only through a rule they belong to (checked under the rule's lock, so a member
 * removed at the same moment cannot slip a page in). The caller checked the page is theirs.
 */
export async function attachSourceToRule(
  actor: SessionUser,
  ruleId: string,
  channelId: string,
  options: { moveSource?: boolean; memberOnly?: boolean } = {},
): Promise<void> {
  const changes = await translateUniqueViolations(() =>
    db().$transaction(async (tx) => {
      await findRuleOrThrow(tx, actor.workspaceId, ruleId);
      const sources = await resolveRuleSources(tx, actor.workspaceId, [channelId], { ruleId, moveSources: options.moveSource ?? false });
      const locked = await lockRules(tx, [ruleId, ...ownerRuleIds(sources)]);
      const rule = locked.find((candidate) => candidate.id === ruleId);
      if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
      if (options.memberOnly && !(await tx.ruleMember.findUnique({ where: { ruleId_userId: { ruleId, userId: actor.id } }, select: { userId: true } }))) {
        throw new AppError("forbidden", "You can share your page only through a rule you belong to.", { reason: "not_rule_member" });
      }
      // Read under the rule's lock: a move out of this rule would have had to take it too.
      const current = await tx.ruleSource.findUnique({ where: { channelId }, select: { ruleId: true } });
      if (current?.ruleId === ruleId) return [];
      return attachRuleSources(tx, rule, [channelId], actor.id);
    }, SAVE_TRANSACTION),
  );
  await publishAssignmentChanges(changes);
}

async function findRuleOrThrow(tx: Tx, workspaceId: string, ruleId: string) {
  const rule = await tx.assignmentRule.findFirst({ where: { id: ruleId, workspaceId }, select: { id: true } });
  if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, ruleId: string | null) {
  const clash = await tx.assignmentRule.findFirst({
    where: { workspaceId, name: { equals: name, mode: "insensitive" }, ...(ruleId ? { id: { not: ruleId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken();
}

function ruleOptions(input: ParsedRuleInput) {
  return {
    method: input.method,
    oldConversationPolicy: input.oldConversationPolicy,
    onlyAvailable: input.onlyAvailable ?? distributionDefaults.onlyAvailable,
    maxOpenPerAgent: input.maxOpenPerAgent ?? distributionDefaults.maxOpenPerAgent,
    reassignAfterMinutes: input.reassignAfterMinutes ?? distributionDefaults.reassignAfterMinutes,
  };
}

const lockedRuleSelect = {
  id: true,
  workspaceId: true,
  name: true,
  method: true,
  oldConversationPolicy: true,
  roundRobinCursor: true,
  onlyAvailable: true,
  maxOpenPerAgent: true,
  reassignAfterMinutes: true,
} as const;

function ownerRuleIds(sources: { ownerRuleId: string | null }[]): string[] {
  return sources.flatMap((source) => (source.ownerRuleId ? [source.ownerRuleId] : []));
}

/**
 * A round-robin rule hands conversations out itself, so its waiting queue is either handed out now
 * or left for members to claim; which one is the admin's call, made knowing how many wait.
 */
async function assertClaimQueueDecided(tx: Tx, ruleId: string, decision: ClaimQueueDecision | undefined) {
  if (decision) return;
  const count = await tx.conversation.count({ where: { ruleId, state: "awaiting_claim" } });
  if (count === 0) return;
  throw new AppError(
    "conflict",
    `${count} conversations wait in this rule's claim queue. Choose whether round-robin hands them out or they keep waiting.`,
    { count },
    { claimQueue: ["claim_queue_choice_required"] },
  );
}

/**
 * "Chia ngay": the waiting queue is handed out in turn, oldest first. Those nobody can take now (all
 * away or at the cap) are marked so, and go out as members become available (hand-out-waiting.ts).
 */
async function handOutClaimQueue(tx: Tx, ruleId: string, actorUserId: string): Promise<ConversationChange[]> {
  const waiting = await tx.conversation.findMany({
    where: { ruleId, state: "awaiting_claim" },
    select: { id: true },
    orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
  });
  const changes = await snapshotAudiences(tx, waiting.map(({ id }) => id));
  for (const { id } of waiting) {
    const result = await assignRoundRobin(tx, { conversationId: id, ruleId, actorUserId });
    if (result.outcome === "nobody_available") {
      await tx.assignmentEvent.create({ data: { conversationId: id, kind: "orphaned", reason: assignmentReasons.nobodyAvailable } });
    }
  }
  return changes;
}

const nameTaken = () => new AppError("conflict", "Another rule already has this name.", {}, { name: ["name_taken"] });

/** Two saves racing past the checks above end in a unique violation: answer it like the checks do. */
async function translateUniqueViolations<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    if (JSON.stringify(error.meta ?? {}).includes("channelId")) {
      throw new AppError("conflict", "A chosen page was just added to another rule.", { pages: "", rules: "" }, { sourceChannelIds: ["source_taken"] });
    }
    throw nameTaken();
  }
}
