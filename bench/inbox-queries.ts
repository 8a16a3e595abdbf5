// Benchmark: the inbox read APIs on 100,000 conversations and ≈1,000,000 messages.
//   npx tsx bench/inbox-queries.ts [--keep]
// Seeds a throwaway database on the local PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL,
// else postgresql://postgres@127.0.0.1:5432/postgres), then times the lib functions behind the
// routes (listConversations, listMessages, getConversation, conversationCounts: visibility rule,
// Prisma query and DTO mapping included; HTTP, cookie check and JSON encoding not), one call at a
// time. Prints a Markdown table for docs/benchmarks.md. --keep leaves the database for EXPLAIN.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, recreateDatabase } from "../tests/support/test-database";
import { runMigrations } from "../lib/server/run-migrations";
import { RARE_CUSTOMER, SEED, seedInbox } from "./inbox-seed";
import { benchStaff } from "./support/seed-sql";

const WARMUP = 20;
const ITERATIONS = 300;
const TARGET_MS = 50;

const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = `bench_inbox_${process.pid}`;
const keep = process.argv.includes("--keep");
const log = (line: string) => console.log(line);

const url = await recreateDatabase(baseUrl, database);
log(`Database ${database}: migrating and seeding…`);
await runMigrations(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
await seedInbox(client, log);
const counts = await client.query<{ conversations: string; messages: string }>(
  `SELECT (SELECT count(*) FROM "Conversation") AS conversations, (SELECT count(*) FROM "Message") AS messages`,
);
log(`Seeded ${counts.rows[0]?.conversations} conversations, ${counts.rows[0]?.messages} messages.`);

Object.assign(process.env, {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  META_APP_ID: "bench",
  META_APP_SECRET: "bench-secret",
  META_VERIFY_TOKEN: "bench-verify",
  LOG_LEVEL: "error",
});
const { listConversations } = await import("../lib/inbox/list-conversations");
const { listMessages } = await import("../lib/inbox/list-messages");
const { getConversation } = await import("../lib/inbox/get-conversation");
const { conversationCounts } = await import("../lib/inbox/conversation-counts");
const { encodeCursor } = await import("../lib/inbox/keyset-cursor");
const { disconnectDb } = await import("../lib/db");
type SessionUser = import("../lib/auth/session-token").SessionUser;

const { admin, agents } = benchStaff(SEED.agents);
const agentAt = (i: number) => agents[i % agents.length]!;

/** Cursors as a client would hold them after scrolling `depth` rows into a list, read straight from SQL. */
async function cursorsAt(where: string, depths: number[]): Promise<string[]> {
  const cursors: string[] = [];
  for (const depth of depths) {
    const { rows } = await client.query<{ id: string; at: Date }>(
      `SELECT id, "lastMessageAt" AS at FROM "Conversation" WHERE ${where} ORDER BY "lastMessageAt" DESC, id DESC OFFSET $1 LIMIT 1`,
      [depth],
    );
    if (rows[0]) cursors.push(encodeCursor({ at: rows[0].at, id: rows[0].id }));
  }
  return cursors;
}
const deepAll = await cursorsAt(`"workspaceId" = 'w1'`, [10_000, 30_000, 50_000, 70_000, 90_000]);
const deepOld = await cursorsAt(`state = 'unassigned'`, [500, 2_000, 4_000, 6_000]);
const deepMine = await cursorsAt(`"assigneeId" = 'u1'`, [500, 1_000, 1_500, 2_000]);
const longThreads = Array.from({ length: 50 }, (_, index) => `cv${(index + 1) * SEED.longThreadEvery * 97}`).filter(
  (id) => Number(id.slice(2)) <= SEED.conversations,
);
const olderCursors: { id: string; before: string }[] = [];
for (const id of longThreads.slice(0, 20)) {
  const { rows } = await client.query<{ id: string; at: Date }>(
    `SELECT id, "sentAt" AS at FROM "Message" WHERE "conversationId" = $1 ORDER BY "sentAt" DESC, id DESC OFFSET 60 LIMIT 1`,
    [id],
  );
  if (rows[0]) olderCursors.push({ id, before: encodeCursor({ at: rows[0].at, id: rows[0].id }) });
}
const pick = <T>(items: T[], i: number) => items[i % items.length]!;
/** One long thread assigned to each agent. */
const ownThreads = new Map(
  (
    await client.query<{ assigneeId: string; id: string }>(
      `SELECT DISTINCT ON ("assigneeId") "assigneeId", id FROM "Conversation"
       WHERE "assigneeId" IS NOT NULL AND substr(id, 3)::int % ${SEED.longThreadEvery} = 0 ORDER BY "assigneeId", id`,
    )
  ).rows.map((row) => [row.assigneeId, row.id]),
);
const mineOf = (agent: SessionUser) => ownThreads.get(agent.id)!;

const scenarios: [string, (i: number) => Promise<unknown>][] = [
  ["List · agent · Của tôi · first page", (i) => listConversations(agentAt(i), { tab: "mine" })],
  ["List · agent · Của tôi · deep page (row 500-2,000)", (i) => listConversations(agents[0]!, { tab: "mine", cursor: pick(deepMine, i) })],
  ["List · agent · Chờ nhận · first page (1,000 waiting)", (i) => listConversations(agentAt(i % 10), { tab: "queue" })],
  ["List · agent · Của tôi · search \"nguyen\"", (i) => listConversations(agentAt(i), { tab: "mine", q: "nguyen" })],
  ["List · admin · Tất cả · first page", () => listConversations(admin, { tab: "all" })],
  ["List · admin · Tất cả · deep page (row 10,000-90,000)", (i) => listConversations(admin, { tab: "all", cursor: pick(deepAll, i) })],
  ["List · admin · Tất cả · one page filter", (i) => listConversations(admin, { tab: "all", channelId: `ch${i % SEED.channels}` })],
  ["List · admin · Chờ nhận · first page", () => listConversations(admin, { tab: "queue" })],
  ["List · admin · Hội thoại cũ · first page", () => listConversations(admin, { tab: "old" })],
  ["List · admin · Hội thoại cũ · deep page", (i) => listConversations(admin, { tab: "old", cursor: pick(deepOld, i) })],
  ["List · admin · Tất cả · search common (\"tran\", 1 in 16)", () => listConversations(admin, { tab: "all", q: "tran" })],
  ["List · admin · Tất cả · search common, page 2", (i) => listConversations(admin, { tab: "all", q: "tran thi", cursor: pick(deepAll, i) })],
  ["List · admin · Tất cả · search rare (1 match)", () => listConversations(admin, { tab: "all", q: RARE_CUSTOMER.name.toLowerCase() })],
  ["Thread · newest page (100-message threads)", (i) => listMessages(admin, pick(longThreads, i), {})],
  ["Thread · older page", (i) => listMessages(admin, pick(olderCursors, i).id, { before: pick(olderCursors, i).before })],
  ["Thread · agent's own conversation, newest page", (i) => listMessages(agentAt(i), mineOf(agentAt(i)), {})],
  ["Conversation detail (header, composer rights)", (i) => getConversation(agentAt(i), mineOf(agentAt(i)))],
  ["Tab counts · agent", (i) => conversationCounts(agentAt(i))],
  ["Tab counts · admin", () => conversationCounts(admin)],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const rows: string[] = [];
for (const [name, run] of scenarios) {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(1));
  const verdict = Number(p95) <= TARGET_MS ? "✓" : "✗";
  rows.push(`| ${name} | ${p50} | ${p95} | ${p99} | ${verdict} |`);
  log(`${name}: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`);
}

log(`\n| Query (${ITERATIONS} calls each, sequential) | p50 ms | p95 ms | p99 ms | ≤ ${TARGET_MS} ms |\n|---|---:|---:|---:|:-:|\n${rows.join("\n")}`);

await disconnectDb();
await client.end();
if (keep) log(`Kept ${url}`);
else await dropDatabase(baseUrl, database);
