// The inbox tabs and what each one holds, on top of what the user may see at all
// (conversation-visibility.ts):
// - "Của tôi" (mine): open conversations assigned to me;
// - "Chờ nhận" (queue): conversations waiting to be claimed — an agent's visibility already narrows
//   them to the self-claim rules the agent belongs to; admins see every rule's queue;
// - "Tất cả" (all): everything an admin may see;
// - "Hội thoại cũ" (old): conversations nobody takes care of — synced history that was not
//   distributed, conversations orphaned when their agent left the rule, and live ones of a shared
//   page with no rule yet;
// - "Đã xử lý" (done): closed conversations ("Đánh dấu đã xử lý") — an agent's own, every one for admins.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import { visibleConversationsSql } from "@/lib/inbox/conversation-visibility";
import type { SqlParameters } from "@/lib/sql-read";

export const conversationTabs = ["mine", "queue", "all", "old", "done"] as const;
export const conversationTabSchema = z.enum(conversationTabs);
export type ConversationTab = z.infer<typeof conversationTabSchema>;

const adminOnlyTabs: readonly ConversationTab[] = ["all", "old"];

export function tabsFor(role: SessionUser["role"]): ConversationTab[] {
  return conversationTabs.filter((tab) => role === "admin" || !adminOnlyTabs.includes(tab));
}

function assertTabAllowed(role: SessionUser["role"], tab: ConversationTab): void {
  if (!tabsFor(role).includes(tab)) throw new AppError("forbidden", "Only an admin of the workspace can see this tab.");
}

/** The tab's own condition; combine it with the visibility where-clause. Agents asking for an admin tab get a 403. */
export function conversationTabWhere(user: Pick<SessionUser, "id" | "role">, tab: ConversationTab): Prisma.ConversationWhereInput {
  assertTabAllowed(user.role, tab);
  switch (tab) {
    case "mine":
      return { assigneeId: user.id, state: { not: "closed" } };
    case "queue":
      return { state: "awaiting_claim" };
    case "all":
      return {};
    case "old":
      return { OR: [{ state: "unassigned" }, { origin: "synced", assigneeId: null }] };
    case "done":
      return { state: "closed" };
  }
}

/**
 * A tab's conversations for this user: the tab's condition within what the user may see (`visible`,
 * from visibleConversationsFor). "Của tôi" skips the visibility clause on purpose: every branch of
 * visibleConversationsWhere shows users the conversations assigned to them, and repeating the
 * assignee condition makes PostgreSQL multiply its selectivity twice, expect a handful of rows and
 * sort the agent's whole history instead of reading the newest rows off the assignee index.
 */
export function tabConversationsWhere(
  user: Pick<SessionUser, "id" | "role" | "workspaceId">,
  tab: ConversationTab,
  visible: Prisma.ConversationWhereInput,
): Prisma.ConversationWhereInput {
  const own = conversationTabWhere(user, tab);
  return { AND: [tab === "mine" ? { workspaceId: user.workspaceId } : visible, own] };
}

/**
 * tabConversationsWhere as SQL on the conversation aliased `c` (the lists and counts read as SQL;
 * tests/integration/inbox-sql-scope.test.ts holds the two together), "Của tôi" without the visibility
 * clause for the same reason.
 */
export function tabConversationsSql(user: Pick<SessionUser, "id" | "role" | "workspaceId">, tab: ConversationTab, parameters: SqlParameters): string {
  assertTabAllowed(user.role, tab);
  if (tab === "mine") return `c."workspaceId" = ${parameters.add(user.workspaceId)} AND c."assigneeId" = ${parameters.add(user.id)} AND c.state <> 'closed'`;
  const visible = `(${visibleConversationsSql(user, parameters)})`;
  switch (tab) {
    case "queue":
      return `${visible} AND c.state = 'awaiting_claim'`;
    case "all":
      return visible;
    case "old":
      return `${visible} AND (c.state = 'unassigned' OR (c.origin = 'synced' AND c."assigneeId" IS NULL))`;
    case "done":
      return `${visible} AND c.state = 'closed'`;
  }
}

/**
 * The same tab rule applied to a summary the browser already holds, so a live update can add a
 * conversation to the open tab, move it, or take it out without asking the server again.
 */
export function summaryInTab(
  summary: Pick<ConversationSummary, "assignee" | "state" | "origin">,
  viewerId: string,
  tab: ConversationTab,
): boolean {
  switch (tab) {
    case "mine":
      return summary.assignee?.id === viewerId && summary.state !== "closed";
    case "queue":
      return summary.state === "awaiting_claim";
    case "all":
      return true;
    case "old":
      return summary.state === "unassigned" || (summary.origin === "synced" && summary.assignee === null);
    case "done":
      return summary.state === "closed";
  }
}
