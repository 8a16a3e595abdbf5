// "Nhận chat": a member of a self-claim rule takes a conversation from the "Chờ nhận" queue. The
// take is one conditional UPDATE (still waiting, still nobody's), so of any number of simultaneous
// claims exactly one changes the row; the others wait on its lock, find it taken and get a conflict
// naming the winner. After the commit, the other members' queues drop the conversation live.
// Someone outside the rule who cannot see the conversation gets 404, as on every other route.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { conversationSummarySelect, type ConversationSummary } from "@/lib/inbox/inbox-dto";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import { lockActiveRuleMember, lockRule } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { claimedByError } from "@/lib/assignment/hidden-conversation-error";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export async function claimConversation(user: SessionUser, conversationId: string): Promise<ConversationSummary> {
  const seen = await db().conversation.findFirst({
    where: { id: conversationId, workspaceId: user.workspaceId },
    select: { ruleId: true, state: true, assigneeId: true },
  });
  if (!seen) throw new AppError("not_found", "No such conversation.");
  if (seen.assigneeId !== user.id) {
    if (!seen.ruleId) throw await refusedOutsider(user, conversationId);
    // Most losers of a race arrive after the winner committed: they are answered without a transaction.
    if (seen.state !== "awaiting_claim") {
      if (!(await isActiveRuleMember(seen.ruleId, user.id))) throw await refusedOutsider(user, conversationId);
      throw await notClaimable(db(), conversationId);
    }
    if (!(await takeFromQueue(user, conversationId, seen.ruleId))) throw await refusedOutsider(user, conversationId);
  }
  const row = await db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: conversationSummarySelect });
  return toConversationSummary(row);
}

/** False when the user is not an active member of the rule (nothing changed). */
async function takeFromQueue(user: SessionUser, conversationId: string, ruleId: string): Promise<boolean> {
  const previousAudience = await db().$transaction(
    async (tx) => {
      // A capped rule's open counts only change under its lock (assign-round-robin.ts); taken first,
      // as the lock order says, so two claims by one agent at the cap cannot both slip under it.
      const rule = await lockRule(tx, ruleId);
      if (!(await lockActiveRuleMember(tx, ruleId, user.id))) return null;
      if (rule?.maxOpenPerAgent != null) await assertUnderCap(tx, ruleId, user.id, rule.maxOpenPerAgent);
      const audience = await conversationAudience(tx, conversationId);
      const taken = await tx.conversation.updateMany({
        where: { id: conversationId, ruleId, state: "awaiting_claim", assigneeId: null },
        data: { state: "assigned", assigneeId: user.id },
      });
      if (taken.count === 0) throw await notClaimable(tx, conversationId);
      await tx.assignmentEvent.create({
        data: { conversationId, kind: "claimed", toUserId: user.id, actorUserId: user.id, reason: assignmentReasons.claimed },
      });
      return audience;
    },
    // Many members may press "Nhận chat" at once: the losers only wait for one short row lock.
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (!previousAudience) return false;
  await publishAssignmentChanges([{ conversationId, previousAudience, removal: { reason: "claimed", byName: user.name } }]);
  return true;
}

/** "Tối đa N hội thoại đang mở": at the cap, "Nhận chat" is refused until one is closed or handed on. */
async function assertUnderCap(tx: Tx, ruleId: string, userId: string, cap: number) {
  const open = await tx.conversation.count({ where: { ruleId, assigneeId: userId, state: "assigned" } });
  if (open >= cap) {
    throw new AppError("conflict", `You already have ${open} open conversations in this rule, its limit.`, { reason: "at_cap", max: cap });
  }
}

async function isActiveRuleMember(ruleId: string, userId: string): Promise<boolean> {
  return (await db().ruleMember.count({ where: { ruleId, userId, user: { active: true } } })) === 1;
}

const notAMember = () => new AppError("forbidden", "Only members of this conversation's rule can claim it.");

/** Not an active member: 403 for whoever may see the conversation (an admin), 404 for everyone else. */
async function refusedOutsider(user: SessionUser, conversationId: string): Promise<AppError> {
  const visible = await db().conversation.count({ where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] } });
  return visible > 0 ? notAMember() : new AppError("not_found", "No such conversation.");
}

/** The conversation left the queue before this claim: say who has it ("Hội thoại đã được nhận bởi …"). */
async function notClaimable(client: Tx, conversationId: string): Promise<AppError> {
  // Read committed: this statement sees the winner's row, whose commit the UPDATE above waited for.
  const current = await client.conversation.findUnique({ where: { id: conversationId }, select: { assignee: { select: { name: true } } } });
  const name = current?.assignee?.name;
  return name ? claimedByError(name) : new AppError("conflict", "This conversation is no longer waiting to be claimed.");
}
