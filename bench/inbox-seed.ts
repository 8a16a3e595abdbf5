// Seeds the inbox benchmark database with PostgreSQL doing the work (generate_series INSERTs):
// one workspace, 31 staff, 20 pages, 4 rules, 100,000 customers and conversations, ~1,000,000 messages.
import type pg from "pg";
import { FAMILY, GIVEN, sqlArray, staffSql, timedSteps } from "./support/seed-sql";

export const SEED = {
  agents: 30,
  channels: 20,
  conversations: 100_000,
  /** Every 19th conversation is a long thread (100 messages); the others have 5: ≈ 1,000,000 in all. */
  longThreadEvery: 19,
  longThreadMessages: 100,
  shortThreadMessages: 5,
} as const;

const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Gia"];
/** One customer with a name nobody else has, for the "rare match" search. */
export const RARE_CUSTOMER = { index: 77_777, name: "Tôn Nữ Xuân Diệu" };

export async function seedInbox(client: pg.Client, log: (line: string) => void): Promise<void> {
  const step = timedSteps(client, log);
  const now = "timestamp '2026-06-01 08:00:00'";
  await step(
    "workspace, staff, pages, rules",
    `${staffSql(SEED.agents)}
    INSERT INTO "Channel"(id, "workspaceId", platform, "externalId", name, "accessTokenEnc", "chatMode", "connectedById", "updatedAt")
      SELECT 'ch' || n, 'w1', 'facebook', 'page' || n, 'Trang ' || n, 'x', CASE WHEN n < 2 THEN 'only_me' ELSE 'shared' END::"ChatMode", 'u0', now()
      FROM generate_series(0, ${SEED.channels - 1}) n;
    INSERT INTO "AssignmentRule"(id, "workspaceId", name, method, "updatedAt")
      SELECT 'r' || n, 'w1', 'Quy tắc ' || n, CASE WHEN n < 2 THEN 'self_claim' ELSE 'round_robin' END::"AssignmentMethod", now()
      FROM generate_series(0, 3) n;
    INSERT INTO "RuleSource"("ruleId", "channelId") SELECT 'r' || (n % 4), 'ch' || n FROM generate_series(2, ${SEED.channels - 1}) n;
    -- Agents 1-30 in rules by tens; agents 1-10 also in both self-claim rules.
    INSERT INTO "RuleMember"("ruleId", "userId", position)
      SELECT 'r' || ((n - 1) / 10 + 1) % 4, 'u' || n, n FROM generate_series(1, ${SEED.agents}) n
      UNION ALL SELECT 'r0', 'u' || n, 100 + n FROM generate_series(1, 10) n;`,
  );
  await step(
    `${SEED.conversations.toLocaleString("en")} customers (search names by trigger)`,
    `
    INSERT INTO "Contact"(id, "channelId", "platformUserId", name)
      SELECT 'k' || n, 'ch' || (n % ${SEED.channels}), 'psid' || n,
        CASE WHEN n = ${RARE_CUSTOMER.index} THEN '${RARE_CUSTOMER.name}' ELSE
          (${sqlArray(FAMILY)})[1 + n % ${FAMILY.length}] || ' ' ||
          (${sqlArray(MIDDLE)})[1 + (n / 7) % ${MIDDLE.length}] || ' ' ||
          (${sqlArray(GIVEN)})[1 + (n / 3) % ${GIVEN.length}] END
      FROM generate_series(1, ${SEED.conversations}) n;`,
  );
  // States: 92 % assigned over the 30 agents (only-me pages to the admin), 1 % waiting in the
  // self-claim queues, 6 % synced history nobody took, 1 % live and unassigned; 10 % unread.
  await step(
    `${SEED.conversations.toLocaleString("en")} conversations`,
    `
    INSERT INTO "Conversation"(id, "workspaceId", "channelId", "contactId", "ruleId", "assigneeId", state, origin,
                               "lastInboundAt", "lastMessageAt", "lastMessagePreview", "unreadCount", "updatedAt")
      SELECT 'cv' || n, 'w1', 'ch' || (n % ${SEED.channels}), 'k' || n,
        CASE WHEN n % ${SEED.channels} >= 2 THEN 'r' || ((n % ${SEED.channels}) % 4) END,
        CASE WHEN b < 92 THEN CASE WHEN n % ${SEED.channels} < 2 THEN 'u0' ELSE 'u' || (1 + n % ${SEED.agents}) END END,
        (CASE WHEN b < 92 THEN 'assigned' WHEN b < 93 THEN 'awaiting_claim' ELSE 'unassigned' END)::"ConversationState",
        (CASE WHEN b BETWEEN 93 AND 98 THEN 'synced' ELSE 'live' END)::"ConversationOrigin",
        at - interval '1 minute', at, 'Tin nhắn cuối ' || n, CASE WHEN n % 10 = 0 THEN 1 + n % 4 ELSE 0 END, now()
      FROM (SELECT n, (n * 37) % 100 AS b, ${now} - (n * interval '155 seconds') - ((n * 7919) % 600) * interval '1 second' AS at
            FROM generate_series(1, ${SEED.conversations}) n) s;
    -- Self-claim queues belong to rules r0 and r1; waiting conversations of other pages get r0.
    UPDATE "Conversation" SET "ruleId" = 'r' || (substr(id, 3)::int % 2) WHERE state = 'awaiting_claim';`,
  );
  await step(
    "≈1,000,000 messages",
    `
    INSERT INTO "Message"(id, "conversationId", "channelId", direction, "senderKind", "senderUserId", text, status, "platformMessageId", "sentAt", "updatedAt")
      SELECT 'm' || c.n || '_' || i, 'cv' || c.n, 'ch' || (c.n % ${SEED.channels}),
        (CASE WHEN i % 2 = 0 THEN 'inbound' ELSE 'outbound' END)::"MessageDirection",
        (CASE WHEN i % 2 = 0 THEN 'contact' ELSE 'agent' END)::"SenderKind",
        CASE WHEN i % 2 = 1 THEN 'u' || (1 + c.n % ${SEED.agents}) END,
        'Nội dung tin nhắn số ' || i || ' của hội thoại ' || c.n,
        (CASE WHEN i % 2 = 0 THEN 'delivered' ELSE 'read' END)::"MessageStatus",
        'mid.' || c.n || '.' || i,
        c.at - (c.total - i) * interval '3 minutes', now()
      FROM (SELECT n, ${now} - (n * interval '155 seconds') - ((n * 7919) % 600) * interval '1 second' AS at,
                   CASE WHEN n % ${SEED.longThreadEvery} = 0 THEN ${SEED.longThreadMessages} ELSE ${SEED.shortThreadMessages} END AS total
            FROM generate_series(1, ${SEED.conversations}) n) c
      CROSS JOIN LATERAL generate_series(1, c.total) i;`,
  );
  // VACUUM as autovacuum would soon after a million inserts: it marks the pages all-visible, which
  // index-only scans (the badge counts) need to skip the table.
  await step("VACUUM ANALYZE", "VACUUM ANALYZE");
}
