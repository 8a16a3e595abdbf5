// Who may write to a customer: the conversation's assignee; an admin may take over, which makes them
// the assignee. Everyone else is refused with a reason the UI can show.
// Pure: sending, retrying and typing all ask this one function.
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";

export interface ReplyTarget {
  assigneeId: string | null;
  assignee: { name: string } | null;
  state: "unassigned" | "awaiting_claim" | "assigned" | "closed";
}

export type ReplyPermission = { kind: "assignee" } | { kind: "take_over"; previousAssigneeId: string | null };

export function replyPermission(user: Pick<SessionUser, "id" | "role">, conversation: ReplyTarget): ReplyPermission {
  if (conversation.assigneeId === user.id) return { kind: "assignee" };
  if (user.role === "admin") return { kind: "take_over", previousAssigneeId: conversation.assigneeId };
  if (conversation.state === "awaiting_claim") {
    throw new AppError("forbidden", "Claim this conversation (Nhận chat) before replying to the customer.", { reason: "claim_first" });
  }
  const assigneeName = conversation.assignee?.name;
  throw new AppError(
    "forbidden",
    assigneeName
      ? `Only ${assigneeName}, who is in charge of this conversation, can reply to this customer.`
      : "Only the person in charge of this conversation can reply to this customer.",
    { reason: "not_assignee", assigneeName: assigneeName ?? "" },
  );
}
