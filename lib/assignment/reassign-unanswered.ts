// "Chia lại nếu không trả lời sau N phút": a conversation whose customer has waited N minutes with
// no agent reply goes to the next member who can take it (same options as new conversations,
// never back to the agent who did not answer), recorded as reassigned with the reason. Once per
// wait: timeoutReassignedAt is compared with awaitingReplySince, so a conversation moves again only
// after its customer writes anew once someone answered. Run each minute by a pg-boss schedule;
// several runners (processes, a late round) are safe because each rule is handled under its row
// lock and each move is a conditional UPDATE that only the first runner finds true.
import { db, type Tx } from "@/lib/db";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";
import { lockRule } from "@/lib/assignment/lock-rows";
import { loadCandidates } from "@/lib/assignment/assign-round-robin";
import { pickNextMember } from "@/lib/assignment/pick-next-member";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

/** A round touches at most this many conversations per rule; the next minute takes the rest. */
const BATCH = 200;

export async function reassignUnanswered(now = new Date()): Promise<number> {
  const rules = await db().assignmentRule.findMany({
    where: { reassignAfterMinutes: { not: null }, method: { not: "self_claim" } },
    select: { id: true },
  });
  let moved = 0;
  for (const { id } of rules) {
    const changes = await db().$transaction((tx) => reassignInRule(tx, id, now), { maxWait: 15_000, timeout: 60_000 });
    moved += changes.length;
    await publishAssignmentChanges(changes);
  }
  return moved;
}

async function reassignInRule(tx: Tx, ruleId: string, now: Date): Promise<ConversationChange[]> {
  const rule = await lockRule(tx, ruleId);
  if (!rule || rule.reassignAfterMinutes === null || rule.method === "self_claim") return [];
  const waitedSince = new Date(now.getTime() - rule.reassignAfterMinutes * 60_000);
  const overdue = await tx.$queryRaw<{ id: string; assigneeId: string; awaitingReplySince: Date }[]>`
    SELECT id, "assigneeId", "awaitingReplySince" FROM "Conversation"
    WHERE "ruleId" = ${ruleId} AND state = 'assigned' AND "assigneeId" IS NOT NULL
      AND "awaitingReplySince" <= ${utcTimestamp(waitedSince)}
      AND ("timeoutReassignedAt" IS NULL OR "timeoutReassignedAt" < "awaitingReplySince")
    ORDER BY "awaitingReplySince", id LIMIT ${BATCH} FOR UPDATE`;

  const candidates = await loadCandidates(tx, rule);
  let cursor = rule.roundRobinCursor;
  const changes: ConversationChange[] = [];
  for (const conversation of overdue) {
    const pick = pickNextMember(
      candidates.filter((member) => member.userId !== conversation.assigneeId),
      cursor,
      { method: rule.method === "least_loaded" ? "least_loaded" : "round_robin", onlyAvailable: rule.onlyAvailable, maxOpenPerAgent: rule.maxOpenPerAgent },
    );
    // Nobody else can take it now: it stays with its agent and is tried again next round.
    if (!pick) continue;
    const [change] = await snapshotAudiences(tx, [conversation.id], { reason: "reassigned", byName: null });
    const moved = await tx.conversation.updateMany({
      where: { id: conversation.id, assigneeId: conversation.assigneeId, state: "assigned", awaitingReplySince: conversation.awaitingReplySince },
      data: { assigneeId: pick.userId, timeoutReassignedAt: now },
    });
    if (moved.count === 0) continue;
    await tx.assignmentEvent.create({
      data: { conversationId: conversation.id, kind: "reassigned", fromUserId: conversation.assigneeId, toUserId: pick.userId, reason: assignmentReasons.replyTimeout },
    });
    cursor = pick.cursor;
    for (const member of candidates) {
      if (member.userId === pick.userId) member.openCount++;
      if (member.userId === conversation.assigneeId) member.openCount--;
    }
    changes.push(change!);
  }
  if (cursor !== rule.roundRobinCursor) await tx.assignmentRule.update({ where: { id: ruleId }, data: { roundRobinCursor: cursor } });
  return changes;
}
