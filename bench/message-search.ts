// Benchmark: "search in messages" (listConversations with q) on 100,000 conversations and
// 1,000,000 messages of Vietnamese seller chat, as an agent ("Của tôi") and as an admin ("Tất cả").
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/message-search.ts [--iterations 200] [--keep]
// Seeds a throwaway database with PostgreSQL doing the work (generate_series INSERTs, the search
// text written by the real trigger), then times the lib function behind GET /api/conversations
// (visibility rule, strategy choice, Prisma queries, snippets, DTO mapping; not HTTP), one call at
// a time after a warm-up, cycling through several queries of each kind (an agent's rare words come
// from her own conversations). --keep leaves the database for EXPLAIN ANALYZE.
import pg from "pg";
import { createBenchDatabase } from "./support/bench-database";
import { benchStaff, FAMILY, GIVEN, sqlArray, staffSql, timedSteps } from "./support/seed-sql";
import { intFlag, latencySummary } from "./support/stats";

const WARMUP = 20;
const ITERATIONS = intFlag("iterations", 200);
const TARGET_MS = 100;
const keep = process.argv.includes("--keep");
const log = (line: string) => console.log(line);

const SEED = { agents: 20, channels: 10, conversations: 100_000 } as const;

/**
 * What customers and agents write all day. Each message is one of these, sometimes followed by an
 * order code (unique: the rare words), a phone number in one of the ways people type them, or
 * "vali" (a product few ask about: a word between rare and common).
 */
const PHRASES = [
  "Shop ơi còn hàng không ạ",
  "Giá bao nhiêu vậy shop",
  "Phí ship về Hà Nội bao nhiêu ạ",
  "Cho mình size M nhé",
  "Áo này có màu đen không shop",
  "Dạ còn hàng ạ",
  "Dạ giá 250k ạ, freeship đơn từ 500k",
  "Ship COD được không shop",
  "Em gửi chị bảng size ạ",
  "Mình lấy 2 cái nhé",
  "Bao lâu thì nhận được hàng vậy",
  "Dạ shop ship toàn quốc ạ",
  "Cảm ơn chị đã ủng hộ shop ❤️",
  "Cho em xin địa chỉ nhận hàng ạ",
  "Hàng có được đổi trả không",
  "Chất vải thế nào ạ, có nóng không",
  "Size L còn không shop",
  "Mình chuyển khoản rồi nhé",
  "Đơn của chị đã được gửi đi rồi ạ",
  "Ok shop",
  "Dạ vâng",
  "Cao 1m60 nặng 52kg mặc size gì ạ",
  "Có ảnh thật không shop",
  "Mai mình qua lấy được không",
  "Shop ở đâu vậy",
  "Dạ chị đợi em kiểm tra kho một chút nhé",
  "Giảm giá cho mình chút được không",
  "Bên em đóng gói cẩn thận ạ",
];

/** The phone number of conversation `n`, as its customer card and messages hold it. */
const phoneSql = (n: string) => `'09' || lpad(((${n} * 7919) % 100000000)::text, 8, '0')`;
/** Order codes DH + 7 digits: one per code, in 1 message in 40. */
const orderCodeSql = (n: string, i: string) => `'DH' || (1000000 + ((${n}::bigint * 100 + ${i}) * 7919) % 9000000)`;

async function seed(client: pg.Client) {
  const step = timedSteps(client, log);
  const now = "timestamp '2026-12-01 08:00:00'";
  await step(
    "workspace, staff, pages, a self-claim rule",
    `${staffSql(SEED.agents)}
    INSERT INTO "Channel"(id, "workspaceId", platform, "externalId", name, "accessTokenEnc", "chatMode", "connectedById", "updatedAt")
      SELECT 'ch' || n, 'w1', 'facebook', 'page' || n, 'Trang ' || n, 'x', 'shared', 'u0', now()
      FROM generate_series(0, ${SEED.channels - 1}) n;
    INSERT INTO "AssignmentRule"(id, "workspaceId", name, method, "updatedAt") VALUES ('r0', 'w1', 'Nhận chat', 'self_claim', now());
    INSERT INTO "RuleMember"("ruleId", "userId", position) SELECT 'r0', 'u' || n, n FROM generate_series(1, 5) n;`,
  );
  // A customer in five left a phone number on the card.
  await step(
    `${SEED.conversations.toLocaleString("en")} customers`,
    `
    INSERT INTO "Contact"(id, "channelId", "platformUserId", name, phone)
      SELECT 'k' || n, 'ch' || (n % ${SEED.channels}), 'psid' || n,
        (${sqlArray(FAMILY)})[1 + n % ${FAMILY.length}] || ' ' || (${sqlArray(GIVEN)})[1 + (n / 3) % ${GIVEN.length}],
        CASE WHEN n % 5 = 0 THEN ${phoneSql("n")} END
      FROM generate_series(1, ${SEED.conversations}) n;`,
  );
  // 90 % assigned over the 20 agents (≈4,500 each), 5 % waiting in the self-claim queue of agents
  // 1-5, 5 % nobody's; one every 155 s or so, newest first.
  await step(
    `${SEED.conversations.toLocaleString("en")} conversations`,
    `
    INSERT INTO "Conversation"(id, "workspaceId", "channelId", "contactId", "ruleId", "assigneeId", state,
                               "lastInboundAt", "lastMessageAt", "lastMessagePreview", "updatedAt")
      SELECT 'cv' || n, 'w1', 'ch' || (n % ${SEED.channels}), 'k' || n,
        CASE WHEN b BETWEEN 90 AND 94 THEN 'r0' END,
        CASE WHEN b < 90 THEN 'u' || (1 + n % ${SEED.agents}) END,
        (CASE WHEN b < 90 THEN 'assigned' WHEN b < 95 THEN 'awaiting_claim' ELSE 'unassigned' END)::"ConversationState",
        at, at, 'Tin nhắn cuối ' || n, now()
      FROM (SELECT n, (n * 37) % 100 AS b, ${now} - n * interval '155 seconds' AS at FROM generate_series(1, ${SEED.conversations}) n) s;`,
  );
  // The trigram index is rebuilt after the load (its own definition, read back): maintaining it row
  // by row would triple the seeding time and leave a long pending list behind.
  const { rows: indexes } = await client.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Message_searchText_idx'`);
  await client.query(`DROP INDEX "Message_searchText_idx"`);
  // 4 to 16 messages a conversation (10 on average), alternately the customer's and the agent's;
  // 1 in 40 gets an order code, 1 in 50 of the customer's a phone number, 1 in 500 "vali".
  await step(
    "≈1,000,000 messages (search text by trigger)",
    `
    INSERT INTO "Message"(id, "conversationId", "channelId", direction, "senderKind", "senderUserId", text, status, "platformMessageId", "sentAt", "updatedAt")
      SELECT 'm' || c.n || '_' || i, 'cv' || c.n, 'ch' || (c.n % ${SEED.channels}),
        (CASE WHEN i % 2 = 0 THEN 'inbound' ELSE 'outbound' END)::"MessageDirection",
        (CASE WHEN i % 2 = 0 THEN 'contact' ELSE 'agent' END)::"SenderKind",
        CASE WHEN i % 2 = 1 THEN 'u' || (1 + c.n % ${SEED.agents}) END,
        (${sqlArray(PHRASES)})[1 + (c.n * 31 + i * 17 + (c.n * i) % 7) % ${PHRASES.length}]
          || CASE WHEN (c.n * 13 + i * 7) % 40 = 0 THEN ', mã đơn ' || ${orderCodeSql("c.n", "i")} ELSE '' END
          || CASE WHEN i % 2 = 0 AND (c.n + i * 3) % 50 = 0 THEN
               ' sđt mình ' || CASE c.n % 4
                 WHEN 0 THEN ${phoneSql("c.n")}
                 WHEN 1 THEN regexp_replace(${phoneSql("c.n")}, '^(\\d{4})(\\d{3})(\\d{3})$', '\\1.\\2.\\3')
                 WHEN 2 THEN regexp_replace(${phoneSql("c.n")}, '^(\\d{4})(\\d{3})(\\d{3})$', '\\1 \\2 \\3')
                 ELSE '+84 ' || regexp_replace(substr(${phoneSql("c.n")}, 2), '^(\\d{3})(\\d{3})(\\d{3})$', '\\1 \\2 \\3') END
             ELSE '' END
          || CASE WHEN (c.n * 7 + i) % 500 = 0 THEN ' cái vali màu xanh' ELSE '' END,
        (CASE WHEN i % 2 = 0 THEN 'delivered' ELSE 'read' END)::"MessageStatus",
        'mid.' || c.n || '.' || i,
        c.at - (c.total - i) * interval '3 minutes', now()
      FROM (SELECT n, ${now} - n * interval '155 seconds' AS at, 4 + (n * 7) % 13 AS total FROM generate_series(1, ${SEED.conversations}) n) c
      CROSS JOIN LATERAL generate_series(1, c.total) i;`,
  );
  await step("trigram index on the search text", indexes[0]!.indexdef);
  await step("ANALYZE", "ANALYZE");
}

const database = await createBenchDatabase("message_search");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
log(`Seeding ${database.url.replace(/\/\/[^@]*@/, "//")}…`);
await seed(client);
const { rows: sizes } = await client.query<{ conversations: string; messages: string }>(
  `SELECT (SELECT count(*) FROM "Conversation") AS conversations, (SELECT count(*) FROM "Message") AS messages`,
);
log(`Seeded ${sizes[0]?.conversations} conversations, ${sizes[0]?.messages} messages.`);

const { listConversations } = await import("../lib/inbox/list-conversations");
const { disconnectDb } = await import("../lib/db");
type SessionUser = import("../lib/auth/session-token").SessionUser;

const { admin, agents } = benchStaff(SEED.agents);

/**
 * What agents type, read from the seeded data so each one really occurs, with the agent the
 * conversation is assigned to: an agent searches for what she has seen. Common words belong to no one.
 */
interface Probe {
  q: string;
  assigneeId: string | null;
}
async function sample(valueSql: string, from: string): Promise<Probe[]> {
  const { rows } = await client.query<Probe>(
    `SELECT ${valueSql} AS q, c."assigneeId" AS "assigneeId" FROM ${from}
     WHERE c.state = 'assigned' AND c."assigneeId" <> 'u0' ORDER BY md5(c.id) LIMIT 60`,
  );
  return rows;
}
const inMessages = (where: string) => `"Message" m JOIN "Conversation" c ON c.id = m."conversationId" AND ${where}`;
const orderCodes = await sample(`substring(m.text from 'DH\\d{7}')`, inMessages(`m.text LIKE '%mã đơn DH%'`));
const messagePhones = await sample(`substring(m.text from 'sđt mình (.*)$')`, inMessages(`m.text LIKE '%sđt mình%' AND m.text NOT LIKE '%vali%'`));
const cardPhones = await sample(`'+84 ' || substr(k.phone, 2)`, `"Contact" k JOIN "Conversation" c ON c."contactId" = k.id AND k.phone IS NOT NULL`);
const anyone = (words: string[]): Probe[] => words.map((q) => ({ q, assigneeId: null }));
const cases: Array<{ name: string; probes: Probe[] }> = [
  { name: "rare: an order code (1 message)", probes: orderCodes },
  { name: "rare: a phone number typed in a message (0912 345 678, 0912.345.678, +84 912…)", probes: messagePhones },
  { name: "rare: a phone number on the customer card, typed +84 …", probes: cardPhones },
  { name: "between: \"vali\" (1 message in 500)", probes: anyone(["vali", "cai vali", "vali mau xanh"]) },
  { name: "common: ship, giá, size, còn hàng, chuyển khoản…", probes: anyone(["ship", "gia", "size", "con hang", "chuyen khoan", "Phí ship", "nhan hang"]) },
  { name: "nowhere: a word no message holds", probes: anyone(["khongcodau", "xyzzy", "DH0000000"]) },
];
const agentById = new Map(agents.map((agent) => [agent.id, agent]));
const viewers: Array<{ name: string; user: (probe: Probe, i: number) => SessionUser; tab: "mine" | "all" }> = [
  { name: "agent · Của tôi", user: (probe, i) => agentById.get(probe.assigneeId ?? "") ?? agents[i % agents.length]!, tab: "mine" },
  { name: "admin · Tất cả", user: () => admin, tab: "all" },
];

const rows: string[] = [];
let failed = false;
for (const viewer of viewers) {
  for (const searchCase of cases) {
    const run = (i: number) => {
      const probe = searchCase.probes[i % searchCase.probes.length]!;
      return listConversations(viewer.user(probe, i), { tab: viewer.tab, q: probe.q });
    };
    for (let i = 0; i < WARMUP; i++) await run(i);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      const page = await run(i);
      times.push(performance.now() - started);
      found += page.conversations.length;
    }
    const { p50, p95, p99 } = latencySummary(times);
    if (p95 > TARGET_MS) failed = true;
    const label = `${viewer.name} · ${searchCase.name}`;
    rows.push(`| ${label} | ${(found / ITERATIONS).toFixed(1)} | ${p50} | ${p95} | ${p99} | ${p95 <= TARGET_MS ? "✓" : "✗"} |`);
    log(`${label}: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms (${(found / ITERATIONS).toFixed(1)} results a page)`);
  }
}

log(
  `\n${sizes[0]?.messages} messages in ${sizes[0]?.conversations} conversations; ${ITERATIONS} calls per row, one at a time, after ${WARMUP} warm-up calls.\n` +
    `| Search (first page of 30) | results | p50 ms | p95 ms | p99 ms | ≤ ${TARGET_MS} ms |\n|---|---:|---:|---:|---:|:-:|\n${rows.join("\n")}`,
);

await disconnectDb();
await client.end();
if (keep) log(`Kept ${database.url}`);
else await database.drop();
if (failed) process.exitCode = 1;
