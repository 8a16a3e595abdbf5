// "Nhận chat": a member of a self-claim rule takes a conversation from the "Chờ nhận" queue. The
// take is one conditional UPDATE (still waiting, still nobody's), so of any number of simultaneous
// claims exactly one changes the row; the others wait on its lock, find it taken and get a conflict
// naming the winner. After the commit, the other members' queues drop the conversation live.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { conversationSummarySelect, toConversationSummary, type ConversationSummary } from "@/lib/inbox/inbox-dto";
import { lockActiveRuleMember } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";

export async function claimConversation(user: SessionUser, conversationId: string): Promise<ConversationSummary> {
  const { previousAudience, alreadyMine } = await db().$transaction(
    async (tx) => {
      const conversation = await tx.conversation.findFirst({
        where: { id: conversationId, workspaceId: user.workspaceId },
        select: { ruleId: true, assigneeId: true },
      });
      if (!conversation) throw new AppError("not_found", "No such conversation.");
      if (conversation.assigneeId === user.id) return { previousAudience: [], alreadyMine: true };
      if (!conversation.ruleId || !(await lockActiveRuleMember(tx, conversation.ruleId, user.id))) {
        throw new AppError("forbidden", "Only members of this conversation's rule can claim it.");
      }
      const audience = await conversationAudience(tx, conversationId);
      const taken = await tx.conversation.updateMany({
        where: { id: conversationId, ruleId: conversation.ruleId, state: "awaiting_claim", assigneeId: null },
        data: { state: "assigned", assigneeId: user.id },
      });
      if (taken.count === 0) throw await notClaimable(tx, conversationId);
      await tx.assignmentEvent.create({
        data: { conversationId, kind: "claimed", toUserId: user.id, actorUserId: user.id, reason: assignmentReasons.claimed },
      });
      return { previousAudience: audience, alreadyMine: false };
    },
    // Many members may press "Nhận chat" at once: the losers only wait for one short row lock.
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (!alreadyMine) {
    await publishAssignmentChanges([{ conversationId, previousAudience, removal: { reason: "claimed", byName: user.name } }]);
  }
  const row = await db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: conversationSummarySelect });
  return toConversationSummary(row);
}

/** The conversation left the queue before this claim: say who has it ("Hội thoại đã được nhận bởi …"). */
async function notClaimable(tx: Tx, conversationId: string): Promise<AppError> {
  // Read committed: this statement sees the winner's row, whose commit the UPDATE above waited for.
  const current = await tx.conversation.findUnique({ where: { id: conversationId }, select: { assignee: { select: { name: true } } } });
  const name = current?.assignee?.name;
  return name
    ? new AppError("conflict", `This conversation was already claimed by ${name}.`, { name })
    : new AppError("conflict", "This conversation is no longer waiting to be claimed.");
}
