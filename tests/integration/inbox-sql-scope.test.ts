// The list pages, tab badges and thread check read as SQL (list-conversations.ts,
// conversation-counts.ts, isConversationVisible) render the visibility and tab rules a second time,
// beside the Prisma where-clauses every other read and check uses. For every role, the workspace's
// "only me" setting both ways, every tab, each filter and a cursor, both renderings must pick the same
// conversations in the same order, count the same, and let the same people see each conversation.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { listConversations, type ListConversationsQuery } from "@/lib/inbox/list-conversations";
import { conversationCounts } from "@/lib/inbox/conversation-counts";
import { tabConversationsWhere, tabsFor } from "@/lib/inbox/conversation-tabs";
import { isConversationVisible, visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { decodeCursor } from "@/lib/inbox/keyset-cursor";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation, createRule } from "../support/inbox-fixtures";

let people: SessionUser[];
let filters: ListConversationsQuery[];

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 8, minute));

beforeEach(async () => {
  await resetDatabase();
  const { workspaceId, admin: adminA } = await createWorkspace("Shop");
  const [adminB] = (await createStaff(workspaceId, 1, { role: "admin", prefix: "admin-b" })) as [SessionUser];
  const [ha, minh, lan] = (await createStaff(workspaceId, 3, { prefix: "agent" })) as [SessionUser, SessionUser, SessionUser];
  people = [adminA, adminB, ha, minh, lan];
  const hoaMai = await createChannel(workspaceId, adminA.id, { name: "Shop Hoa Mai", chatMode: "shared" });
  const zalo = await createChannel(workspaceId, adminA.id, { name: "Hoa Mai Zalo", chatMode: "shared", platform: "zalo" });
  const riengB = await createChannel(workspaceId, adminB.id, { name: "Trang riêng của B", chatMode: "only_me" });
  const riengA = await createChannel(workspaceId, adminA.id, { name: "Trang riêng của A", chatMode: "only_me" });
  const selfClaim = await createRule(workspaceId, { name: "Tự nhận", method: "self_claim", channelIds: [hoaMai], members: [ha, minh] });
  const zaloRule = await createRule(workspaceId, { name: "Zalo", method: "self_claim", channelIds: [zalo], members: [lan] });
  const seeds: Array<Parameters<typeof addConversation>[0]> = [
    { channelId: hoaMai, customer: "An", lastMessageAt: at(1), assignee: ha, ruleId: selfClaim, unreadCount: 2 },
    { channelId: hoaMai, customer: "Bình", lastMessageAt: at(2), state: "awaiting_claim", ruleId: selfClaim, unreadCount: 1 },
    { channelId: zalo, customer: "Cúc", lastMessageAt: at(3), assignee: lan, ruleId: zaloRule },
    { channelId: zalo, customer: "Dung", lastMessageAt: at(4), state: "awaiting_claim", ruleId: zaloRule, unreadCount: 3 },
    { channelId: hoaMai, customer: "Em", lastMessageAt: at(5), origin: "synced" },
    { channelId: riengB, customer: "Hân", lastMessageAt: at(6), assignee: adminB, unreadCount: 4 },
    // On B's "only me" page but assigned to A: A sees it whatever the setting says.
    { channelId: riengB, customer: "Giang", lastMessageAt: at(6), assignee: adminA, unreadCount: 1 },
    { channelId: riengA, customer: "Huy", lastMessageAt: at(7), assignee: adminA, state: "closed" },
    { channelId: hoaMai, customer: "Khải", lastMessageAt: at(7), unreadCount: 1 },
    { channelId: zalo, customer: "Linh", lastMessageAt: at(8), assignee: lan, state: "closed", unreadCount: 1 },
    { channelId: riengB, customer: "Mai", lastMessageAt: at(9), origin: "synced", unreadCount: 2 },
    { channelId: hoaMai, customer: "Nam", lastMessageAt: at(10), assignee: ha, origin: "synced", unreadCount: 5 },
  ];
  const ids: string[] = [];
  for (const seed of seeds) ids.push(await addConversation(seed));
  const label = await db().label.create({ data: { workspaceId, name: "Đã chốt đơn", nameKey: "da chot don", color: "green" } });
  await db().conversationLabel.createMany({ data: [0, 3, 5, 6, 9].map((index) => ({ conversationId: ids[index]!, labelId: label.id })) });
  filters = [{}, { platform: "zalo" }, { platform: "facebook" }, { channelId: riengB }, { labelId: label.id }, { platform: "facebook", labelId: label.id }];
  // Somebody else's workspace, which nobody above may see.
  const other = await createWorkspace("Other shop");
  const otherChannel = await createChannel(other.workspaceId, other.admin.id, { name: "Trang khác" });
  await addConversation({ channelId: otherChannel, customer: "Khác", lastMessageAt: at(11), assignee: other.admin, unreadCount: 1 });
});

/** The page as the Prisma where-clause picks it: the rule the SQL must equal. */
async function pageByPrisma(user: SessionUser, query: ListConversationsQuery & { tab: NonNullable<ListConversationsQuery["tab"]> }): Promise<string[]> {
  const conditions: Prisma.ConversationWhereInput[] = [tabConversationsWhere(user, query.tab, await visibleConversationsFor(user))];
  if (query.platform) conditions.push({ channel: { platform: query.platform as "facebook" | "zalo" } });
  if (query.channelId) conditions.push({ channelId: query.channelId });
  if (query.labelId) conditions.push({ labels: { some: { labelId: query.labelId } } });
  if (query.cursor) {
    const { at: time, id } = decodeCursor(query.cursor);
    conditions.push({ OR: [{ lastMessageAt: { lt: time } }, { lastMessageAt: time, id: { gt: id } }] });
  }
  const rows = await db().conversation.findMany({ where: { AND: conditions }, orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }], take: 30, select: { id: true } });
  return rows.map((row) => row.id);
}

describe("the list and the badges read as SQL", () => {
  for (const adminsSeeOnlyMeChannels of [true, false]) {
    it(`pick and count what the Prisma rule picks, for every role, tab, filter and cursor (admins see "only me" pages: ${adminsSeeOnlyMeChannels})`, async () => {
      await db().workspace.updateMany({ data: { adminsSeeOnlyMeChannels } });
      let compared = 0;
      for (const user of people) {
        for (const tab of tabsFor(user.role)) {
          for (const filter of filters) {
            const query = { ...filter, tab };
            const page = await listConversations(user, query);
            const first = page.conversations.map((conversation) => conversation.id);
            expect(first, `${user.email} ${JSON.stringify(query)}`).toEqual(await pageByPrisma(user, query));
            expect(page.nextCursor).toBeNull();
            compared += first.length;
            // The page after a row in the middle (two rows share a time): the cursor's condition in both renderings.
            if (first.length > 1) {
              const middle = Math.floor(first.length / 2);
              const row = await db().conversation.findUniqueOrThrow({ where: { id: first[middle]! }, select: { lastMessageAt: true } });
              const cursor = Buffer.from(JSON.stringify([row.lastMessageAt.getTime(), first[middle]])).toString("base64url");
              const after = (await listConversations(user, { ...query, cursor })).conversations.map((conversation) => conversation.id);
              expect(after).toEqual(await pageByPrisma(user, { ...query, cursor }));
              expect(after).toEqual(first.slice(middle + 1));
            }
          }
        }
        for (const { id } of await db().conversation.findMany({ select: { id: true } })) {
          const byPrisma = (await db().conversation.count({ where: { AND: [{ id }, await visibleConversationsFor(user)] } })) === 1;
          expect(await isConversationVisible(user, id), `${user.email} sees ${id}`).toBe(byPrisma);
        }
        const counts = await conversationCounts(user);
        const visible = await visibleConversationsFor(user);
        for (const tab of tabsFor(user.role).filter((tab) => tab !== "done")) {
          const where = tabConversationsWhere(user, tab, visible);
          expect(counts[tab], `${user.email} ${tab}`).toBe(await db().conversation.count({ where: tab === "queue" ? where : { AND: [where, { unreadCount: { gt: 0 } }] } }));
        }
      }
      // The fixture is not empty where it matters: the comparisons above saw rows.
      expect(compared).toBeGreaterThan(100);
    });
  }
});
