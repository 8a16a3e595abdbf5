// The inbox tab badges: for "Chờ nhận" how many conversations wait to be claimed, for the other
// tabs how many conversations hold messages nobody has seen. The browser re-asks after live changes
// instead of adding up events itself, so a missed event can never leave a wrong badge behind.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { tabConversationsWhere, tabsFor, type ConversationTab } from "@/lib/inbox/conversation-tabs";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export type ConversationCounts = Partial<Record<ConversationTab, number>>;

const unread: Prisma.ConversationWhereInput = { unreadCount: { gt: 0 } };

export async function conversationCounts(user: SessionUser): Promise<ConversationCounts> {
  const visible = await visibleConversationsFor(user);
  const entries = await Promise.all(
    // "Đã xử lý" has no badge: a customer writing again reopens the conversation, so nothing there waits.
    tabsFor(user.role).filter((tab) => tab !== "done").map(async (tab) => {
      const where = tabConversationsWhere(user, tab, visible);
      return [tab, await db().conversation.count({ where: tab === "queue" ? where : { AND: [where, unread] } })] as const;
    }),
  );
  return Object.fromEntries(entries);
}
