// Benchmark: the webhook processor on its own, in this process — stored Messenger webhooks drained
// from the queue (parse, store, publish to a publisher that drops the batches), reporting events/s and
// the SQL statements sent per event, by statement. Two workloads: known customers writing in their
// open conversations (the common case), and first messages (new conversations, given out by one
// round-robin rule over 20 agents), whose spread over the agents is reported. The reference, in the
// same run: pgbench's rate of single-row INSERTs into a table shaped like Message (its indexes,
// 8 connections), and each workload's rate as a fraction of it.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/webhook-processor.ts [--events 6000] [--customers 200] [--profile DIR]
import { loadavg } from "node:os";
import pg from "pg";
import { createBenchDatabase } from "./support/bench-database";
import { pgbenchRate } from "./support/pgbench";
import { profiled } from "./support/cpu-profile";
import { intFlag, wordsFlag } from "./support/stats";

// 6,000: each workload then runs for 2–8 s; with 3,000 a run lasted about a second and a half, too short to say much.
const eventCount = intFlag("events", 6000);
const customerCount = intFlag("customers", 200);
/** `--profile DIR`: a CPU profile of each workload's drain, in DIR (bench/profile-summary.ts reads them). */
const profileDir = wordsFlag("profile")[0];
const PAGE_ID = "109000000000001";

// Every statement the app sends goes through pg's Client#query (the Prisma adapter included).
const statements = new Map<string, number>();
const sendQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof sendQuery>) {
  const [query] = args as unknown[];
  const text = typeof query === "string" ? query : ((query as { text?: string } | undefined)?.text ?? "");
  const key = text.replace(/\s+/g, " ").trim().slice(0, 60);
  statements.set(key, (statements.get(key) ?? 0) + 1);
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof sendQuery;

const database = await createBenchDatabase("webhook_processor");
const { db, disconnectDb } = await import("../lib/db");
const { setRealtimePublisher } = await import("../lib/realtime/io");
const { createRule } = await import("../lib/assignment/save-rule");
const { drainWebhookQueue } = await import("../lib/webhooks/process-webhook-queue");
const { createChannel, createStaff, createWorkspace } = await import("../tests/support/assignment-fixtures");

// Publishing runs its queries; the batches themselves go nowhere.
setRealtimePublisher(() => {});

async function seed(): Promise<string> {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const agents = await createStaff(workspaceId, 20);
  const channelId = await createChannel(workspaceId, admin.id, { externalId: PAGE_ID });
  const rule = { name: "Bench", sourceChannelIds: [channelId], memberEmails: agents.map((agent) => agent.email) };
  await createRule(admin, { ...rule, method: "round_robin", oldConversationPolicy: "keep_unassigned", moveSources: false });
  return channelId;
}

/** Customers with fresh profiles (no Graph call), so only our own work is measured. */
async function addCustomers(channelId: string, prefix: string, count: number): Promise<string[]> {
  const psids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(12, "0")}`);
  await db().contact.createMany({ data: psids.map((psid) => ({ channelId, platformUserId: psid, name: psid, profileFetchedAt: new Date() })) });
  return psids;
}

let mid = 0;
async function storeWebhooks(psids: string[], count: number): Promise<void> {
  const at = Date.now();
  const rows = Array.from({ length: count }, (_, n) => ({
    platform: "facebook" as const,
    rawBody: JSON.stringify({
      object: "page",
      entry: [{ id: PAGE_ID, time: at, messaging: [{ sender: { id: psids[n % psids.length] }, recipient: { id: PAGE_ID }, timestamp: at + n, message: { mid: `m_${mid++}`, text: "Chào shop, áo này còn size M không ạ?" } }] }],
    }),
  }));
  await db().webhookEvent.createMany({ data: rows });
}

async function drain(label: string, count: number) {
  statements.clear();
  const started = performance.now();
  await profiled(profileDir, label.split(" ")[0]!, () => drainWebhookQueue());
  const seconds = (performance.now() - started) / 1000;
  const total = [...statements.values()].reduce((sum, n) => sum + n, 0);
  const perEvent = (n: number) => Math.round((n / count) * 100) / 100;
  return {
    workload: label,
    events: count,
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(count / seconds),
    statementsPerEvent: perEvent(total),
    byStatement: Object.fromEntries([...statements].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([text, n]) => [text, perEvent(n)])),
  };
}

try {
  const channelId = await seed();
  const regulars = await addCustomers(channelId, "25", customerCount);
  // Each regular gets a conversation first, so the measured run is the common case.
  await storeWebhooks(regulars, regulars.length);
  await drainWebhookQueue();
  await storeWebhooks(regulars, eventCount);
  const known = await drain("known customers, open conversations", eventCount);
  const newcomers = await addCustomers(channelId, "26", eventCount);
  await storeWebhooks(newcomers, eventCount);
  const first = await drain("first messages (new conversation, round-robin)", eventCount);
  const stored = await db().message.count();
  const perAgent = await db().conversation.groupBy({ by: ["assigneeId"], where: { contact: { platformUserId: { in: newcomers } } }, _count: { _all: true } });
  const counts = perAgent.map((group) => group._count._all);
  await db().$executeRawUnsafe(`CREATE TABLE bench_insert (LIKE "Message" INCLUDING ALL)`);
  const pgbenchInsertsPerSecond = pgbenchRate(
    database.url,
    `INSERT INTO bench_insert ("conversationId", "channelId", direction, "senderKind", status, "platformMessageId", "sentAt", text, "createdAt", "updatedAt")
     VALUES ('c', 'ch', 'inbound', 'contact', 'delivered', md5(random()::text), now(), 'Chào shop, áo này còn size M không ạ?', now(), now());`,
    { clients: 8, seconds: 10 },
  );
  const ofPgbench = (result: { eventsPerSecond: number }) => Math.round((result.eventsPerSecond / pgbenchInsertsPerSecond) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        results: [known, first].map((result) => ({ ...result, fractionOfPgbench: ofPgbench(result) })),
        pgbenchInsertsPerSecond,
        rules: 1,
        firstMessagesPerAgent: { agents: counts.length, unassigned: perAgent.some((group) => group.assigneeId === null), spread: Math.max(...counts) - Math.min(...counts) },
        messagesStored: stored,
        messagesExpected: customerCount + 2 * eventCount,
        loadAverage: loadavg().map((value) => Math.round(value * 10) / 10),
      },
      null,
      2,
    ),
  );
} finally {
  await disconnectDb();
  await database.drop();
}
