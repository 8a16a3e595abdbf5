// What a user is told about a conversation they cannot see. A member of its self-claim rule saw it
// in "Chờ nhận" and, after losing the "Nhận chat" race, was told live who took it; a reload tells
// them the same ("Hội thoại đã được nhận bởi …") instead of "not found". Everyone else gets 404,
// so ids of conversations they never had are not confirmed to exist.
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";

export async function hiddenConversationError(client: Tx | Db, user: SessionUser, conversationId: string): Promise<AppError> {
  const taken = await client.conversation.findFirst({
    where: {
      id: conversationId,
      workspaceId: user.workspaceId,
      assigneeId: { not: user.id },
      rule: { method: "self_claim", members: { some: { userId: user.id, user: { active: true } } } },
    },
    select: { assignee: { select: { name: true } } },
  });
  const name = taken?.assignee?.name;
  return name ? claimedByError(name) : new AppError("not_found", "This conversation does not exist or is not yours to see.");
}

/** The conversation left the "Chờ nhận" queue to `name`; `reason` lets the thread show it as the live event does. */
export function claimedByError(name: string): AppError {
  return new AppError("conflict", `This conversation was already claimed by ${name}.`, { reason: "claimed", name });
}
