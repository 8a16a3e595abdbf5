// Badge numbers for the inbox tabs: how many conversations each tab holds and how many of them have
// messages the assignee has not seen. The browser re-asks after live changes instead of adding up
// events itself, so a missed event can never leave a wrong badge behind.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationTabWhere, tabsFor, type ConversationTab } from "@/lib/inbox/conversation-tabs";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export interface TabCount {
  total: number;
  unread: number;
}

export type ConversationCounts = Partial<Record<ConversationTab, TabCount>>;

export async function conversationCounts(user: SessionUser): Promise<ConversationCounts> {
  const visible = await visibleConversationsFor(user);
  const entries = await Promise.all(
    tabsFor(user.role).map(async (tab) => {
      const where = { AND: [visible, conversationTabWhere(user, tab)] };
      const [total, unread] = await Promise.all([
        db().conversation.count({ where }),
        db().conversation.count({ where: { AND: [where, { unreadCount: { gt: 0 } }] } }),
      ]);
      return [tab, { total, unread }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
