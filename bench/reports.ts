// Benchmark: "Báo cáo" (issue 17) — GET /api/reports for 30 days over 100,000 conversations and
// ~1,000,000 messages (target p95 ≤ 300 ms), and the conversations CSV export of 100,000+ lines
// (target: the server's RSS grows by less than 50 MB while it streams).
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/reports.ts [--iterations 100] [--build] [--keep]
// (the benchmarks' production build, .next-bench, is made first if missing; --build remakes it;
// --keep leaves the database for EXPLAIN ANALYZE)
//
// Seed (PostgreSQL does the work, generate_series INSERTs with a fixed random seed): one shop in
// Asia/Ho_Chi_Minh working Mon–Sat 08:00–21:00; an admin and 30 agents; 14 Facebook pages and 6
// Zalo OAs; 4 rules. The report's range is the 30 days ending yesterday on the shop's clock, and
// EVERYTHING happens inside it (the worst case for the report): 100,000 live conversations start
// over its first 29 days (nine in ten between 07:00 and 23:00), each one's events end within 22
// hours, so the 30th day holds the tails. 93 % are answered (first reply 30 s–10 min for 55 %, up
// to 1 h for 30 %, up to 3 h for 12 %, 3–8 h for 3 %) and then alternate customer message / agent
// reply (4–18 messages, senderKind 'agent', senderUserId the assignee); 7 % get 1–3 customer
// messages and no answer (still waiting). 64.5 % of the answered are closed; 8 % of those (~4.8 %
// of all) are reopened by the customer hours later (a second episode of 4 messages), 60 % of which
// are closed again; 3 % are handed on by the reply timeout (15 minutes) before their first reply.
// The rules have no reply timeout now: with one, the app's timeout round would hand on the waiting
// conversations while the report is being timed, writing to the data it reads.
//
// The episodes are written by the real triggers, not by SQL that imitates them: the conversations
// are INSERTed (opening the first episode) and then UPDATEd in bulk in the order the app changes
// them — the timeout's reassignment (assigneeId, timeoutReassignedAt), the first reply
// (awaitingReplySince → null, updatedAt = the reply's time, after only the first reply is stored, as
// the trigger reads the newest one), the close (state → closed, updatedAt = the close), the reopening
// (state → assigned, awaitingReplySince = the customer's message), its reply and its close. The
// messages go in with five INSERT … SELECT statements (one per step above), so the statement
// trigger appends ReportMessageCount rows for each; the scheduled round that folds them
// (lib/reports/fold-message-counts.ts) is then run once, as production would have, leaving one row
// per (hour, page, agent); then VACUUM ANALYZE.
//
// Timing: the app in its own process on the production build (server.ts), the admin's real session
// cookie, GET /api/reports?from=…&to=… over node:http (kept-alive, uncompressed, to the last byte),
// one call at a time after a warm-up; then readReport() in this process for the same queries, to
// show what the queries take without HTTP. The CSV is downloaded three times in a row over HTTP,
// read as a stream, with the app's VmRSS (/proc/<pid>/status) sampled every 20 ms from a second
// before each download until its end.
import type { ChildProcess } from "node:child_process";
import { Agent, get, type IncomingMessage } from "node:http";
import { loadavg, cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { ensureProductionBuild, freePort, startApp, stopProcess } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { residentMemory } from "./support/process-memory";
import { benchStaff, FAMILY, GIVEN, sqlArray, staffSql, timedSteps } from "./support/seed-sql";
import { intFlag, latencySummary } from "./support/stats";
import type { Report } from "../lib/reports/read-report";

const ITERATIONS = intFlag("iterations", 100);
const WARMUP = 20;
const TARGET_MS = 300;
const TARGET_RSS_GROWTH_MB = 50;
const RSS_SAMPLE_MS = 20;
const keep = process.argv.includes("--keep");
const log = (line: string) => console.log(line);

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const SEED = { agents: 30, facebookPages: 14, zaloOas: 6, conversations: 100_000 } as const;
const CHANNELS = SEED.facebookPages + SEED.zaloOas;
const WORKING_HOURS = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].map((day) => [day, { opens: "08:00", closes: "21:00" }]));

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const TO = addDays(today, -1);
const FROM = addDays(TO, -29);
const FROM_7 = addDays(TO, -6);

const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(" / ");
log(`${new Date().toISOString()} load average at start (1 / 5 / 15 min): ${loadAverage()}; ${cpus().length} CPUs, Node ${process.version}`);

const CUSTOMER_TEXTS = [
  "Shop ơi còn hàng không ạ",
  "Giá bao nhiêu vậy shop",
  "Phí ship về Hà Nội bao nhiêu ạ",
  "Cho mình size M nhé",
  "Áo này có màu đen không shop",
  "Ship COD được không shop",
  "Mình lấy 2 cái nhé",
  "Bao lâu thì nhận được hàng vậy",
  "Mình chuyển khoản rồi nhé",
  "Cao 1m60 nặng 52kg mặc size gì ạ",
];
const AGENT_TEXTS = [
  "Dạ còn hàng ạ",
  "Dạ giá 250k ạ, freeship đơn từ 500k",
  "Dạ shop ship toàn quốc ạ",
  "Em gửi chị bảng size ạ",
  "Cho em xin địa chỉ nhận hàng ạ",
  "Đơn của chị đã được gửi đi rồi ạ",
  "Dạ chị đợi em kiểm tra kho một chút nhé",
  "Cảm ơn chị đã ủng hộ shop ❤️",
];

/** A wall-clock time of the shop as the UTC timestamp the DateTime columns hold. */
const utcOf = (local: string) => `((${local}) AT TIME ZONE '${TIME_ZONE}') AT TIME ZONE 'UTC'`;
const seconds = (expression: string) => `(${expression}) * interval '1 second'`;

/** The INSERT of the messages of one step (bench_message.phase), which the statement trigger counts. */
const insertMessages = (phase: number) => `
  INSERT INTO "Message"(id, "conversationId", "channelId", direction, "senderKind", "senderUserId", text, status, "platformMessageId", "sentAt", "createdAt", "updatedAt")
    SELECT 'm' || n || '_' || round || '_' || i, conversation, 'ch' || ch, direction::"MessageDirection",
      (CASE WHEN direction = 'inbound' THEN 'contact' ELSE 'agent' END)::"SenderKind",
      CASE WHEN direction = 'outbound' THEN agent END,
      CASE WHEN direction = 'inbound' THEN (${sqlArray(CUSTOMER_TEXTS)})[1 + (n * 7 + i) % ${CUSTOMER_TEXTS.length}]
           ELSE (${sqlArray(AGENT_TEXTS)})[1 + (n * 3 + i) % ${AGENT_TEXTS.length}] END,
      (CASE WHEN direction = 'inbound' THEN 'delivered' ELSE 'read' END)::"MessageStatus",
      'mid.' || n || '.' || round || '.' || i, at, at, at
    FROM bench_message WHERE phase = ${phase};`;

/** A bulk UPDATE of the conversations from their plan, which wakes the episode trigger row by row. */
const updateConversations = (set: string, where: string) => `
  UPDATE "Conversation" c SET ${set} FROM bench_plan p WHERE c.id = p.id AND ${where};`;

async function seed(client: pg.Client): Promise<void> {
  const step = timedSteps(client, log);
  await step(
    "workspace (Asia/Ho_Chi_Minh, Mon–Sat 08:00–21:00), staff, 14 pages + 6 OAs, 4 rules",
    `${staffSql(SEED.agents)}
    UPDATE "Workspace" SET "timeZone" = '${TIME_ZONE}', "workingHours" = '${JSON.stringify(WORKING_HOURS)}'::jsonb WHERE id = 'w1';
    INSERT INTO "Channel"(id, "workspaceId", platform, "externalId", name, "accessTokenEnc", "chatMode", "connectedById", "updatedAt")
      SELECT 'ch' || n, 'w1', (CASE WHEN n < ${SEED.facebookPages} THEN 'facebook' ELSE 'zalo' END)::"Platform",
        CASE WHEN n < ${SEED.facebookPages} THEN 'page' ELSE 'oa' END || n,
        CASE WHEN n < ${SEED.facebookPages} THEN 'Trang ' ELSE 'OA ' END || n, 'x', 'shared', 'u0', now()
      FROM generate_series(0, ${CHANNELS - 1}) n;
    INSERT INTO "AssignmentRule"(id, "workspaceId", name, method, "updatedAt")
      SELECT 'r' || n, 'w1', 'Quy tắc ' || n, CASE WHEN n < 1 THEN 'self_claim' ELSE 'round_robin' END::"AssignmentMethod", now()
      FROM generate_series(0, 3) n;
    INSERT INTO "RuleSource"("ruleId", "channelId") SELECT 'r' || (n % 4), 'ch' || n FROM generate_series(2, ${CHANNELS - 1}) n;
    INSERT INTO "RuleMember"("ruleId", "userId", position)
      SELECT 'r' || ((n - 1) / 10 + 1) % 4, 'u' || n, n FROM generate_series(1, ${SEED.agents}) n
      UNION ALL SELECT 'r0', 'u' || n, 100 + n FROM generate_series(1, 10) n;`,
  );
  await step(
    `${SEED.conversations.toLocaleString("en")} customers`,
    `
    INSERT INTO "Contact"(id, "channelId", "platformUserId", name)
      SELECT 'k' || n, 'ch' || (n % ${CHANNELS}), 'psid' || n,
        (${sqlArray(FAMILY)})[1 + n % ${FAMILY.length}] || ' ' || (${sqlArray(GIVEN)})[1 + (n / 3) % ${GIVEN.length}]
      FROM generate_series(1, ${SEED.conversations}) n;`,
  );

  // Each conversation's plan: when things happen, in seconds and as UTC timestamps.
  await step(
    "the conversations' plan (random, seeded)",
    `
    SELECT setseed(0.17);
    CREATE UNLOGGED TABLE bench_draw AS
      SELECT n, n % ${CHANNELS} AS ch, 1 + floor(random() * ${SEED.agents})::int AS a1,
        floor(random() * 29)::int AS day,
        CASE WHEN random() < 0.9 THEN 7 + floor(random() * 16) ELSE floor(random() * 24) END::int AS hour,
        random() * 3600 AS second,
        random() AS u_delay, random() AS v_delay,
        random() < 0.93 AS answered,
        random() < 0.065 AS reassigned,
        1 + floor(random() * ${SEED.agents - 1})::int AS a2_offset,
        2 * (2 + floor(random() * 8))::int AS len,
        1 + floor(random() * 3)::int AS waiting_len,
        60 + random() * 300 AS step,
        random() AS u_close, random() AS v_close, random() AS u_reopen, random() AS v_reopen,
        random() AS v_reply2, random() AS u_close2, random() AS v_close2
      FROM generate_series(1, ${SEED.conversations}) n;
    CREATE UNLOGGED TABLE bench_plan AS
      WITH timed AS (
        SELECT d.*, 'cv' || n AS id,
          ${utcOf(`timestamp '${FROM} 00:00:00' + day * interval '1 day' + hour * interval '1 hour' + ${seconds("second")}`)} AS t0,
          CASE WHEN u_delay < 0.55 THEN 30 + v_delay * 570 WHEN u_delay < 0.85 THEN 600 + v_delay * 3000
               WHEN u_delay < 0.97 THEN 3600 + v_delay * 7200 ELSE 10800 + v_delay * 18000 END AS delay,
          answered AND u_close < 0.645 AS closed
        FROM bench_draw d
      ), replied AS (
        -- The timeout (15 minutes) hands on only a conversation still unanswered by then.
        SELECT timed.*, reassigned AND (NOT answered OR delay > 900) AS handed_on, t0 + ${seconds("delay")} AS reply_at,
          CASE WHEN answered THEN t0 + ${seconds("delay + (len - 2) * step")} ELSE t0 + ${seconds("(waiting_len - 1) * step")} END AS last_at,
          closed AND u_reopen < 0.08 AS reopened
        FROM timed
      ), closing AS (
        SELECT replied.*, 'u' || CASE WHEN handed_on THEN 1 + (a1 - 1 + a2_offset) % ${SEED.agents} ELSE a1 END AS agent, last_at + ${seconds("300 + v_close * 10500")} AS close_at,
          last_at + ${seconds("300 + v_close * 10500 + 3600 + v_reopen * 18000")} AS t1
        FROM replied
      )
      SELECT closing.*, t1 + ${seconds("60 + v_reply2 * 1740")} AS reply2_at,
        t1 + ${seconds("60 + v_reply2 * 1740 + 2 * step + 300 + v_close2 * 6900")} AS close2_at,
        reopened AND u_close2 < 0.6 AS closed2, t0 + interval '15 minutes' AS reassign_at
      FROM closing;
    CREATE UNIQUE INDEX ON bench_plan(id);
    -- Every message of the plan, with the step (phase) whose INSERT stores it.
    CREATE VIEW bench_message AS
      SELECT p.n, p.id AS conversation, p.ch, p.agent, 1 AS round, i,
        CASE WHEN NOT p.answered OR i % 2 = 1 THEN 'inbound' ELSE 'outbound' END AS direction,
        CASE WHEN NOT p.answered THEN p.t0 + ${seconds("(i - 1) * p.step")} WHEN i = 1 THEN p.t0
             ELSE p.reply_at + ${seconds("(i - 2) * p.step")} END AS at,
        CASE WHEN NOT p.answered OR i <= 2 THEN 1 ELSE 2 END AS phase
      FROM bench_plan p CROSS JOIN LATERAL generate_series(1, CASE WHEN p.answered THEN p.len ELSE p.waiting_len END) i
      UNION ALL
      SELECT p.n, p.id, p.ch, p.agent, 2, i,
        CASE WHEN i % 2 = 1 THEN 'inbound' ELSE 'outbound' END,
        CASE WHEN i = 1 THEN p.t1 ELSE p.reply2_at + ${seconds("(i - 2) * p.step")} END,
        CASE WHEN i = 1 THEN 3 WHEN i = 2 THEN 4 ELSE 5 END
      FROM bench_plan p CROSS JOIN LATERAL generate_series(1, 4) i WHERE p.reopened;
    CREATE UNLOGGED TABLE bench_last AS
      SELECT conversation, max(at) AS last_at, max(at) FILTER (WHERE direction = 'inbound') AS last_inbound_at FROM bench_message GROUP BY 1;`,
  );

  // The inserting trigger opens each conversation's first episode (its customer is waiting).
  await step(
    `${SEED.conversations.toLocaleString("en")} conversations (first episodes by trigger)`,
    `
    INSERT INTO "Conversation"(id, "workspaceId", "channelId", "contactId", "ruleId", "assigneeId", state, origin,
                               "lastInboundAt", "lastMessageAt", "lastMessagePreview", "awaitingReplySince", "createdAt", "updatedAt")
      SELECT p.id, 'w1', 'ch' || p.ch, 'k' || p.n, CASE WHEN p.ch >= 2 THEN 'r' || (p.ch % 4) END, 'u' || p.a1, 'assigned', 'live',
        l.last_inbound_at, l.last_at, 'Tin nhắn cuối ' || p.n, p.t0, p.t0, p.t0
      FROM bench_plan p JOIN bench_last l ON l.conversation = p.id;`,
  );
  await step(
    "3 %: the reply timeout hands the conversation on after 15 minutes (trigger)",
    updateConversations(`"assigneeId" = p.agent, "timeoutReassignedAt" = p.reassign_at, "updatedAt" = p.reassign_at`, "p.handed_on"),
  );
  // The search text's trigram index is rebuilt after the load (its own definition, read back), as
  // bench/message-search.ts does: maintaining it row by row would triple the seeding time.
  const { rows: indexes } = await client.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Message_searchText_idx'`);
  await client.query(`DROP INDEX "Message_searchText_idx"`);
  await step("messages 1: first customer message and first reply (counted by the statement trigger)", insertMessages(1));
  await step(
    "93 %: the first reply ends the wait (first response by trigger)",
    updateConversations(`"awaitingReplySince" = NULL, "repliesSinceInbound" = 1, "updatedAt" = p.reply_at`, "p.answered"),
  );
  await step("messages 2: the rest of each thread", insertMessages(2));
  await step("60 %: closed (trigger)", updateConversations(`state = 'closed', "updatedAt" = p.close_at`, "p.closed"));
  await step("messages 3: reopening customers write again", insertMessages(3));
  await step(
    "~5 %: reopened, a second episode (trigger)",
    updateConversations(`state = 'assigned', "awaitingReplySince" = p.t1, "updatedAt" = p.t1`, "p.reopened"),
  );
  await step("messages 4: the reopened conversations' first reply", insertMessages(4));
  await step(
    "the reopened conversations answered (trigger)",
    updateConversations(`"awaitingReplySince" = NULL, "updatedAt" = p.reply2_at`, "p.reopened"),
  );
  await step("messages 5: the rest of the reopened threads", insertMessages(5));
  await step("60 % of the reopened closed again (trigger)", updateConversations(`state = 'closed', "updatedAt" = p.close2_at`, "p.closed2"));
  await step("trigram index on the search text", indexes[0]!.indexdef);
  await client.query(`DROP VIEW bench_message; DROP TABLE bench_last, bench_plan, bench_draw;`);
}

ensureProductionBuild();
const database = await createBenchDatabase("reports");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const { disconnectDb } = await import("../lib/db");
const { foldMessageCounts } = await import("../lib/reports/fold-message-counts");
const { readReport } = await import("../lib/reports/read-report");
const { reportQuerySchema } = await import("../lib/reports/report-query");
const { sessionCookie } = await import("../tests/support/socket-client");

let server: ChildProcess | undefined;
try {
  log(`Seeding (the report's range: ${FROM} to ${TO}, ${TIME_ZONE})…`);
  const seedStarted = performance.now();
  await seed(client);
  const { rows: unfolded } = await client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM "ReportMessageCount"`);
  const foldStarted = performance.now();
  const { folded } = await foldMessageCounts();
  log(`  fold of the message counts (lib/reports/fold-message-counts.ts): ${unfolded[0]!.rows} rows → ${folded}, ${((performance.now() - foldStarted) / 1000).toFixed(1)} s`);
  const vacuumStarted = performance.now();
  await client.query("VACUUM ANALYZE");
  log(`  VACUUM ANALYZE: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  log(`Seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s.`);

  const rangeStart = utcOf(`timestamp '${FROM} 00:00:00'`);
  const rangeEnd = utcOf(`timestamp '${addDays(TO, 1)} 00:00:00'`);
  const { rows: shape } = await client.query<{ customerMessages: number; agentReplies: number; counted: number; messagesOutsideRange: number; episodesOutsideRange: number }>(`
    SELECT (SELECT count(*) FROM "Conversation")::int AS conversations,
      (SELECT count(*) FROM "Message")::int AS messages,
      (SELECT count(*) FROM "Message" WHERE direction = 'inbound')::int AS "customerMessages",
      (SELECT count(*) FROM "Message" WHERE direction = 'outbound' AND "senderKind" = 'agent')::int AS "agentReplies",
      (SELECT count(*) FROM "Message" WHERE "sentAt" < ${rangeStart} OR "sentAt" >= ${rangeEnd})::int AS "messagesOutsideRange",
      (SELECT sum("customerMessages") + sum("agentReplies") FROM "ReportMessageCount")::int AS counted,
      (SELECT count(*) FROM "ReportMessageCount")::int AS "countRows",
      (SELECT count(*) FROM "ConversationEpisode")::int AS episodes,
      (SELECT count(*) FROM "ConversationEpisode" WHERE reopened)::int AS reopened,
      (SELECT count(*) FROM "ConversationEpisode" WHERE "firstResponseAt" IS NOT NULL)::int AS answered,
      (SELECT count(*) FROM "ConversationEpisode" WHERE "closedAt" IS NOT NULL)::int AS "closedEpisodes",
      (SELECT count(*) FROM "ConversationEpisode" WHERE "timeoutReassignments" > 0)::int AS "timeoutReassigned",
      (SELECT count(*) FROM "ConversationEpisode" WHERE "startedAt" < ${rangeStart} OR "closedAt" >= ${rangeEnd})::int AS "episodesOutsideRange",
      (SELECT count(*) FROM "Conversation" WHERE state = 'closed')::int AS "closedNow",
      (SELECT count(*) FROM "Conversation" WHERE "awaitingReplySince" IS NOT NULL)::int AS "waitingNow",
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "firstResponseSeconds") FROM "ConversationEpisode")::int AS "firstResponseMedian",
      (SELECT pg_size_pretty(pg_database_size(current_database()))) AS "databaseSize"`);
  const seeded = shape[0]!;
  log(`Seed: ${JSON.stringify(seeded)}`);
  if (seeded.counted !== seeded.customerMessages + seeded.agentReplies) throw new Error("ReportMessageCount does not add up to the messages");
  if (seeded.messagesOutsideRange || seeded.episodesOutsideRange) throw new Error("Something of the seed falls outside the report's range");

  const { admin } = benchStaff(SEED.agents);
  const port = await freePort();
  server = await startApp(port);
  const cookie = await sessionCookie(admin);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const request = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      get({ host: "127.0.0.1", port, path, agent, headers: { cookie, "accept-encoding": "identity" } }, resolve).on("error", reject);
    });
  const overHttp = async (path: string): Promise<Buffer> => {
    const response = await request(path);
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}: ${body.toString().slice(0, 300)}`);
    return body;
  };

  const agentId = "u7";
  const scenarios: { name: string; query: Record<string, string> }[] = [
    { name: "30 days · Tất cả, no filter", query: { from: FROM, to: TO } },
    { name: "30 days · one agent", query: { from: FROM, to: TO, agentId } },
    { name: "30 days · Facebook (14 pages)", query: { from: FROM, to: TO, platform: "facebook" } },
    { name: "30 days · Zalo (6 OAs)", query: { from: FROM, to: TO, platform: "zalo" } },
    { name: "7 days · Tất cả, no filter", query: { from: FROM_7, to: TO } },
  ];
  const time = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return latencySummary(times);
  };

  const rows: string[] = [];
  let failed = false;
  for (const scenario of scenarios) {
    const path = `/api/reports?${new URLSearchParams(scenario.query)}`;
    const { report } = JSON.parse((await overHttp(path)).toString()) as { report: Report };
    log(`${scenario.name}: ${JSON.stringify(report.totals)}, ${report.agents.length} agents, ${report.volumeByDay.length} days`);
    const { p50, p95, p99 } = await time(() => overHttp(path));
    if (p95 > TARGET_MS) failed = true;
    rows.push(`| GET /api/reports · ${scenario.name} | ${p50} | ${p95} | ${p99} | ${p95 <= TARGET_MS ? "✓" : "✗"} |`);
    log(`  GET /api/reports: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`);
  }
  for (const scenario of scenarios) {
    const query = reportQuerySchema.parse(scenario.query);
    const { p50, p95, p99 } = await time(() => readReport(admin, query));
    rows.push(`| readReport() in-process · ${scenario.name} | ${p50} | ${p95} | ${p99} | ${p95 <= TARGET_MS ? "✓" : "✗"} |`);
    log(`${scenario.name}: readReport() p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`);
  }
  log(
    `\n| Call (${ITERATIONS} each, sequential, after ${WARMUP} warm-up) | p50 ms | p95 ms | p99 ms | ≤ ${TARGET_MS} ms |\n|---|---:|---:|---:|:-:|\n${rows.join("\n")}`,
  );

  // The CSV: every episode that started in the range, one line each, behind a header line.
  const { rows: expected } = await client.query<{ lines: number }>(
    `SELECT count(*)::int + 1 AS lines FROM "ConversationEpisode" WHERE "startedAt" >= ${rangeStart} AND "startedAt" < ${rangeEnd}`,
  );
  const pid = server.pid!;
  const csvRows: string[] = [];
  for (const attempt of [1, 2, 3]) {
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(residentMemory(pid).rssMb), RSS_SAMPLE_MS);
    await sleep(1_000);
    const beforeDownload = samples.length;
    const baseline = samples.at(-1)!;
    const started = performance.now();
    const response = await request(`/api/reports/conversations.csv?${new URLSearchParams({ from: FROM, to: TO })}`);
    if (response.statusCode !== 200) throw new Error(`The CSV answered ${response.statusCode}`);
    let bytes = 0;
    let lines = 0;
    let head = Buffer.alloc(0);
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (head.length < 3) head = Buffer.concat([head, chunk.subarray(0, 3)]);
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
    }
    const duration = performance.now() - started;
    clearInterval(sampler);
    samples.push(residentMemory(pid).rssMb);
    const during = samples.slice(beforeDownload);
    const peak = Math.max(...during);
    const growth = peak - baseline;
    const bom = head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    if (!bom) throw new Error("The CSV does not start with a byte-order mark");
    if (lines !== expected[0]!.lines) throw new Error(`The CSV has ${lines} lines, ${expected[0]!.lines} expected`);
    if (growth >= TARGET_RSS_GROWTH_MB) failed = true;
    csvRows.push(
      `| ${attempt} | ${baseline} | ${peak} | ${growth} | ${samples.at(-1)} | ${(lines - 1).toLocaleString("en")} | ${(bytes / 1024 / 1024).toFixed(1)} MB | ${(duration / 1000).toFixed(2)} s | ${during.length} | ${bom ? "yes" : "no"} | ${growth < TARGET_RSS_GROWTH_MB ? "✓" : "✗"} |`,
    );
    log(`CSV download ${attempt}: RSS ${baseline} → peak ${peak} MB (+${growth}), ${lines - 1} rows, ${bytes} bytes, ${(duration / 1000).toFixed(2)} s`);
  }
  log(
    `\n| CSV download | baseline RSS MB | peak RSS MB | growth MB | RSS after MB | rows | bytes | duration | RSS samples | BOM | < ${TARGET_RSS_GROWTH_MB} MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|\n${csvRows.join("\n")}`,
  );
  log(`\n${new Date().toISOString()} load average at end (1 / 5 / 15 min): ${loadAverage()}`);
  if (failed) process.exitCode = 1;
} finally {
  if (server) await stopProcess(server);
  await disconnectDb();
  await client.end();
  if (keep) log(`Kept ${database.url.replace(/\/\/[^@]*@/, "//")}`);
  else await database.drop();
}
