// Puts a label on a conversation or takes it off, for anyone who may see the conversation (404 for
// anyone else, as the thread). Idempotent: labelling twice or removing an absent label changes
// nothing and publishes nothing. After a change, the conversation's summary (with its labels) goes
// to whoever sees it, and the workspace's browsers refresh their label counts.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";
import { conversationSummarySelect } from "@/lib/inbox/inbox-dto";
import { publishConversation } from "@/lib/inbox/publish-changes";
import type { LabelDto } from "@/lib/labels/label-input";
import { publishLabelsChanged } from "@/lib/labels/publish-labels-changed";

export async function setConversationLabel(user: SessionUser, conversationId: string, labelId: string, on: boolean): Promise<LabelDto[]> {
  await findVisibleConversation(db(), user, conversationId);
  const label = await db().label.findFirst({ where: { id: labelId, workspaceId: user.workspaceId }, select: { id: true } });
  if (!label) throw labelNotFound();
  const changed = await db().$transaction(async (tx) => {
    const { count } = on
      ? await tx.conversationLabel.createMany({ data: [{ conversationId, labelId, addedById: user.id }], skipDuplicates: true })
      : await tx.conversationLabel.deleteMany({ where: { conversationId, labelId } });
    // A browser that missed the event catches up on conversations changed since its last one
    // (list-changed-conversations.ts): the label change must count as one.
    if (count > 0) await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() }, select: { id: true } });
    return count;
  }).catch((error: unknown) => {
    // The label was deleted since it was read: the foreign key refuses the row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw labelNotFound();
    throw error;
  });
  if (changed > 0) {
    await publishConversation(conversationId);
    publishLabelsChanged(user.workspaceId);
  }
  return conversationLabels(conversationId);
}

const labelNotFound = () => new AppError("not_found", "No such label in this workspace.");

/** In the order the conversation's summary lists them. */
async function conversationLabels(conversationId: string): Promise<LabelDto[]> {
  const rows = await db().conversationLabel.findMany({ where: { conversationId }, ...conversationSummarySelect.labels });
  return rows.map((row) => row.label);
}
