// The inbox tab badges: for "Chờ nhận" how many conversations wait to be claimed, for the other
// tabs how many conversations hold messages nobody has seen. The browser re-asks after live changes
// instead of adding up events itself, so a missed event can never leave a wrong badge behind.
// Asked that often, the badges are one SQL statement with a sub-select per tab, each counted off its
// own index (tabConversationsSql, the tabs' rule as SQL): through Prisma they were a statement per tab.
import type { SessionUser } from "@/lib/auth/session-token";
import { tabConversationsSql, tabsFor, type ConversationTab } from "@/lib/inbox/conversation-tabs";
import { assembledRead, readRows, SqlParameters } from "@/lib/sql-read";

export type ConversationCounts = Partial<Record<ConversationTab, number>>;

export async function conversationCounts(user: SessionUser): Promise<ConversationCounts> {
  const parameters = new SqlParameters();
  // "Đã xử lý" has no badge: a customer writing again reopens the conversation, so nothing there waits.
  const tabs = tabsFor(user.role).filter((tab) => tab !== "done");
  const counts = tabs.map((tab) => {
    const condition = tabConversationsSql(user, tab, parameters);
    const waiting = tab === "queue" ? "" : ` AND c."unreadCount" > 0`;
    return `(SELECT count(*)::int FROM "Conversation" c WHERE (${condition})${waiting}) AS "${tab}"`;
  });
  const [row] = await readRows<Record<ConversationTab, number>>(assembledRead(`SELECT ${counts.join(", ")}`), parameters.values);
  return Object.fromEntries(tabs.map((tab) => [tab, row![tab]]));
}
