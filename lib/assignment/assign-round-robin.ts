// One distribution step of a round-robin or least-loaded rule: under the rule's row lock, pick the
// next member who can take more (pick-next-member.ts: availability, cap, method), give them the
// conversation and advance the cursor, all in the caller's transaction. The lock is the only
// counter, so the rotation and the cap hold with any number of server processes writing at once.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockRule, type LockedRule } from "@/lib/assignment/lock-rows";
import { pickNextMember, type CandidateMember, type DistributionOptions } from "@/lib/assignment/pick-next-member";
import { assignmentReasons, type AssignmentReason } from "@/lib/assignment/assignment-reasons";

export type RoundRobinOutcome =
  | { outcome: "assigned"; userId: string }
  /** Every member is inactive (or the rule has none): the conversation stays unassigned. */
  | { outcome: "no_active_member" }
  /** Members are active but away or at the cap: the conversation waits in the rule's queue. */
  | { outcome: "nobody_available" }
  /** The rule is gone, or the conversation already has a caretaker or is closed. */
  | { outcome: "skipped" };

interface AssignmentParams {
  conversationId: string;
  reason?: AssignmentReason;
  actorUserId?: string | null;
  excludeUserId?: string;
}

export async function assignRoundRobin(tx: Tx, params: AssignmentParams & { ruleId: string }): Promise<RoundRobinOutcome> {
  const rule = await lockRule(tx, params.ruleId);
  if (!rule) return { outcome: "skipped" };
  return assignInLockedRule(tx, rule, params);
}

/**
 * The same step for a caller that has just locked the rule in this transaction (routing a new
 * conversation): `rule` must be that fresh read, since its cursor is what the rotation continues from.
 */
export async function assignInLockedRule(tx: Tx, rule: LockedRule, params: AssignmentParams): Promise<RoundRobinOutcome> {
  const members = (await loadCandidates(tx, rule)).filter((member) => member.userId !== params.excludeUserId);
  if (!members.some((member) => member.active)) return { outcome: "no_active_member" };
  const pick = pickNextMember(members, rule.roundRobinCursor, distributionOptions(rule));
  if (!pick) return { outcome: "nobody_available" };

  // Conditional on still having no caretaker: a conversation is never handed out twice.
  const updated = await tx.conversation.updateMany({
    where: { id: params.conversationId, assigneeId: null, state: { in: ["unassigned", "awaiting_claim"] } },
    data: { assigneeId: pick.userId, state: "assigned", ruleId: rule.id },
  });
  if (updated.count === 0) return { outcome: "skipped" };
  await tx.assignmentRule.update({ where: { id: rule.id }, data: { roundRobinCursor: pick.cursor } });
  await tx.assignmentEvent.create({
    data: {
      conversationId: params.conversationId,
      kind: "assigned",
      toUserId: pick.userId,
      actorUserId: params.actorUserId ?? null,
      reason: params.reason ?? assignmentReasons.roundRobin,
    },
  });
  return { outcome: "assigned", userId: pick.userId };
}

function distributionOptions(rule: LockedRule): DistributionOptions {
  return { method: rule.method === "least_loaded" ? "least_loaded" : "round_robin", onlyAvailable: rule.onlyAvailable, maxOpenPerAgent: rule.maxOpenPerAgent };
}

/**
 * Several conversations this transaction has just created, given out in order under the rule's lock
 * taken once (the webhook processor's batch of first messages): the same picks as one step each,
 * written in three statements. Returns those nobody could take, for the caller to route one by one,
 * which records why they wait.
 */
export async function assignNewConversationsInLockedRule(tx: Tx, rule: LockedRule, conversationIds: string[]): Promise<string[]> {
  const members = await loadCandidates(tx, rule);
  const options = distributionOptions(rule);
  let cursor = rule.roundRobinCursor;
  const assignments: Array<{ conversationId: string; userId: string }> = [];
  const left: string[] = [];
  for (const conversationId of conversationIds) {
    const pick = pickNextMember(members, cursor, options);
    if (!pick) {
      left.push(conversationId);
      continue;
    }
    assignments.push({ conversationId, userId: pick.userId });
    cursor = pick.cursor;
    const member = members.find((candidate) => candidate.userId === pick.userId) as CandidateMember;
    member.openCount++;
  }
  if (assignments.length === 0) return left;
  // No "still without a caretaker" condition as in assignInLockedRule: nobody else can see these
  // rows before this transaction commits.
  await tx.$executeRaw`
    UPDATE "Conversation" AS c
    SET "assigneeId" = assignment."userId", state = 'assigned', "ruleId" = ${rule.id}, "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM (VALUES ${Prisma.join(assignments.map((a) => Prisma.sql`(${a.conversationId}, ${a.userId})`))}) AS assignment (id, "userId")
    WHERE c.id = assignment.id`;
  await tx.assignmentRule.update({ where: { id: rule.id }, data: { roundRobinCursor: cursor } });
  await tx.assignmentEvent.createMany({
    data: assignments.map(({ conversationId, userId }) => ({ conversationId, kind: "assigned", toUserId: userId, reason: assignmentReasons.roundRobin })),
  });
  return left;
}

/**
 * The rule's members with what the pick needs. Open counts are read only when the rule has a cap or
 * balances load; under the rule's lock they cannot change, since every way into "assigned" in a
 * capped rule takes that lock (claims included).
 */
export async function loadCandidates(tx: Tx, rule: LockedRule): Promise<CandidateMember[]> {
  const members = await tx.ruleMember.findMany({
    where: { ruleId: rule.id },
    select: { userId: true, position: true, user: { select: { active: true, availability: true } } },
  });
  const needsCounts = rule.maxOpenPerAgent !== null || rule.method === "least_loaded";
  const counts = needsCounts
    ? await tx.conversation.groupBy({ by: ["assigneeId"], where: { ruleId: rule.id, state: "assigned" }, _count: { _all: true } })
    : [];
  const open = new Map(counts.map((count) => [count.assigneeId, count._count._all]));
  return members.map((member) => ({
    userId: member.userId,
    position: member.position,
    active: member.user.active,
    available: member.user.availability === "available",
    openCount: open.get(member.userId) ?? 0,
  }));
}
