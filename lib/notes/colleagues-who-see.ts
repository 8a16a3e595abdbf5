// Who may be mentioned in a conversation's notes: the active members of its workspace who may see
// it, by the one visibility rule (conversation-visibility.ts) evaluated for each of them — the rule
// the thread, the list and the send API apply, so a mentioned colleague can always open the note.
import type { Db, Tx } from "@/lib/db";
import { visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";

export interface Colleague {
  id: string;
  name: string;
}

/**
 * The workspace's active users (only `userIds` when given) who may see the conversation, by name.
 * One small query per user by the conversation's primary key: a shop's staff is a handful to a few
 * dozen people, and the list is asked for once when the note composer opens.
 */
export async function colleaguesWhoSee(client: Tx | Db, workspaceId: string, conversationId: string, userIds?: readonly string[]): Promise<Colleague[]> {
  const workspace = await client.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { adminsSeeOnlyMeChannels: true } });
  const users = await client.user.findMany({
    where: { workspaceId, active: true, ...(userIds ? { id: { in: [...userIds] } } : {}) },
    select: { id: true, email: true, name: true, role: true, workspaceId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const sees = await Promise.all(
    users.map((candidate) => client.conversation.count({ where: { AND: [{ id: conversationId }, visibleConversationsWhere(candidate, workspace)] } })),
  );
  return users.filter((_, index) => (sees[index] ?? 0) > 0).map(({ id, name }) => ({ id, name }));
}
