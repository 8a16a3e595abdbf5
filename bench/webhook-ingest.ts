// Benchmark: webhook ingest against a production build — signature check on the raw bytes and
// durable storage (committed INSERT) before each 200. Messenger webhooks by default, Zalo OA
// webhooks with --platform zalo (what differs lives in support/ingest-platforms.ts). Reports, in one run:
//   - acknowledged events/s, closed-loop with --connections concurrent connections, and p50/p99
//     acknowledgement latency at a fixed --rate requests/s, open-loop (latency counted from when
//     each request was due). Both twice: "ingest alone" (events of a page or OA with no channel, so the
//     processor only skips them) and "with processing" (every event becomes a stored message, with
//     contact, conversation and realtime publish, while the same server keeps acknowledging);
//   - the processor's own rate (events/s turned into messages), during and after the load;
//   - references on the same machine in the same run: PostgreSQL's single-row INSERT commit rate
//     (pgbench, same table shape, body and client count), a bare node:http server, and node:http
//     + the platform's signature check + one INSERT per request; ours as a fraction of each.
// One event per request (Facebook often batches more, so events/s per request is a lower bound;
// Zalo sends one event per POST).
// The load generator, the server and PostgreSQL share the machine (2 cores here).
//
//   npx tsx bench/webhook-ingest.ts [--platform facebook|zalo] [--seconds 10] [--connections 32] [--rate 1000] [--build]
//
// Uses BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) to create and drop
// its own database, and the benchmarks' production build (.next-bench, built first if missing;
// --build rebuilds it). Prints a JSON report.
import { ensureProductionBuild, freePort, isRunning, startApp, startProcess, stopProcess } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { closedLoop, openLoop, type LoadResult } from "./support/http-load";
import { ingestPlatformFromArgs } from "./support/ingest-platforms";
import { pgbenchRate } from "./support/pgbench";
import { intFlag, latencySummary } from "./support/stats";

const seconds = intFlag("seconds", 10);
const connections = intFlag("connections", 32);
const rate = intFlag("rate", 1000);
const DRAIN_SAMPLE_SECONDS = 15;
const round = (value: number) => Math.round(value);
const loadAtStart = (await import("node:os")).loadavg().map((v) => Math.round(v * 10) / 10);

ensureProductionBuild();

process.env.BENCH_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const database = await createBenchDatabase("webhook_ingest");
const { db, disconnectDb } = await import("../lib/db");
const { encryptSecret } = await import("../lib/crypto/secret-box");
const platform = ingestPlatformFromArgs();

let sent = 0;
/** The next customer's message to the channel's account, or (ingest alone) to the account with no channel. */
function webhook(accountId = platform.accountId) {
  const customers = platform.customerIds;
  return platform.webhook(accountId, customers[sent++ % customers.length]!);
}

function summary(result: LoadResult) {
  return { requests: result.requests, errors: result.errors, ...(result.errors > 0 ? { failures: result.failures } : {}), perSecond: round(result.ok / result.seconds), latencyMs: latencySummary(result.latenciesMs) };
}

const counts = async () => {
  const [row] = await db().$queryRaw<{ total: bigint; processed: bigint }[]>`
    SELECT count(*) AS total, count("processedAt") AS processed FROM "WebhookEvent"`;
  return { total: Number(row?.total ?? 0), processed: Number(row?.processed ?? 0) };
};

async function seed(): Promise<void> {
  const workspace = await db().workspace.create({ data: { name: "Bench" } });
  const admin = await db().user.create({ data: { workspaceId: workspace.id, email: "bench@shop.vn", name: "Bench", role: "admin", passwordHash: "unused" } });
  const tokens = platform.channelTokens();
  const channel = await db().channel.create({
    data: {
      workspaceId: workspace.id,
      platform: platform.platform,
      externalId: platform.accountId,
      name: "Bench",
      accessTokenEnc: encryptSecret(tokens.accessToken),
      refreshTokenEnc: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : null,
      tokenExpiresAt: tokens.expiresAt ?? null,
      connectedById: admin.id,
    },
  });
  // Known customers with fresh profiles: no platform API call during the run.
  await db().contact.createMany({
    data: platform.customerIds.map((customerId) => ({ channelId: channel.id, platformUserId: customerId, name: customerId, profileFetchedAt: new Date() })),
  });
}

async function ourServer() {
  await seed();
  const port = await freePort();
  const server = await startApp(port, {
    // Nothing may reach a real platform: any API call fails at once.
    META_GRAPH_URL: "http://127.0.0.1:9",
    ZALO_API_URL: "http://127.0.0.1:9",
    // The other account's events are skipped with a warning per batch: keep the output to errors.
    LOG_LEVEL: "error",
  });
  const otherPage = () => webhook(platform.otherAccountId);
  try {
    await closedLoop(port, connections, 3, otherPage); // warm-up: JIT, pools
    // Ingest alone: the rows are for an account with no channel, so processing them costs next to nothing.
    const aloneClosed = await closedLoop(port, connections, seconds, otherPage);
    const aloneOpen = await openLoop(port, rate, seconds, otherPage);
    await drain(180);

    // With processing: every row becomes a message (contact, conversation, realtime publish) while
    // the same process keeps acknowledging. Processing is slower than ingest, so a backlog builds;
    // its drain rate is sampled for DRAIN_SAMPLE_SECONDS, and the open loop then runs with the
    // processor still busy (the worst case for acknowledgement latency).
    const before = await counts();
    const closed = await closedLoop(port, connections, seconds, webhook);
    const afterClosed = await counts();
    const drainRate = await drainRateOver(DRAIN_SAMPLE_SECONDS);
    const open = await openLoop(port, rate, seconds, () => webhook());
    const afterOpen = await counts();
    if (!isRunning(server)) throw new Error("the server exited during the run");
    return {
      alone: { closed: aloneClosed, open: aloneOpen },
      closed,
      open,
      processing: {
        eventsPerSecondWhileClosedLoop: round((afterClosed.processed - before.processed) / closed.seconds),
        eventsPerSecondAfterIngestStopped: round(drainRate),
        backlogAfterOpenLoop: afterOpen.total - afterOpen.processed,
        // Shows that "with processing" really turned events into messages (not skips).
        messagesStoredByThen: await db().message.count(),
      },
    };
  } finally {
    await stopProcess(server);
  }
}

/** Rows processed per second over a window with no ingest load. */
async function drainRateOver(windowSeconds: number): Promise<number> {
  const start = await counts();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
  return ((await counts()).processed - start.processed) / ((performance.now() - started) / 1000);
}

/** Waits (bounded) until the processor has handled every stored row. */
async function drain(maxSeconds: number): Promise<boolean> {
  for (let i = 0; i < maxSeconds * 10; i++) {
    const { total, processed } = await counts();
    if (processed >= total) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Single-row INSERT commits into a table shaped like WebhookEvent (same indexes, same body size). */
async function pgbenchInserts(): Promise<{ tps: number }> {
  await db().$executeRawUnsafe(`CREATE TABLE bench_insert (LIKE "WebhookEvent" INCLUDING ALL)`);
  const body = webhook().body.replaceAll("'", "''");
  const sql = `INSERT INTO bench_insert (platform, "rawBody", "receivedAt") VALUES ('${platform.platform}', '${body}', now());`;
  return { tps: round(pgbenchRate(database.url, sql, { clients: connections, seconds })) };
}

/** A reference server in its own process; `insert` adds the platform's signature check and one pg INSERT (own commit) per request. */
async function referenceServer(insert: boolean): Promise<LoadResult> {
  const port = await freePort();
  const code = `
    const http = require("node:http"), crypto = require("node:crypto"), pg = require("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    http.createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", async () => {
        const raw = Buffer.concat(chunks);
        if (${insert}) {
          if (!(${platform.referenceCheck})) { res.writeHead(403); return res.end(); }
          await pool.query('INSERT INTO bench_insert (platform, "rawBody", "receivedAt") VALUES ($1, $2, now())', ["${platform.platform}", raw.toString("utf8")]);
        }
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("EVENT_RECEIVED");
      });
    }).listen(${port}, "127.0.0.1", () => console.log("ready"));`;
  const child = await startProcess(insert ? "node:http + signature check + INSERT" : "bare node:http", ["-e", code], { ...process.env, DATABASE_URL: database.url }, /^ready$/);
  try {
    await closedLoop(port, connections, 2, webhook);
    return await closedLoop(port, connections, seconds, webhook);
  } finally {
    await stopProcess(child);
  }
}

try {
  const ours = await ourServer();
  const pgbench = await pgbenchInserts();
  const bareHttp = await referenceServer(false);
  const httpHmacInsert = await referenceServer(true);
  const perSecond = (result: LoadResult) => result.ok / result.seconds;
  const fraction = (value: number, of: number) => Math.round((value / of) * 100) / 100;
  const fractions = (result: LoadResult) => ({
    pgbench: fraction(perSecond(result), pgbench.tps),
    bareNodeHttp: fraction(perSecond(result), perSecond(bareHttp)),
    nodeHttpHmacPgInsert: fraction(perSecond(result), perSecond(httpHmacInsert)),
  });
  const target = (alone: number, withProcessing: number, goal: number, atMost: boolean) => ({
    target: goal,
    ingestAlone: alone,
    withProcessing,
    met: atMost ? alone <= goal && withProcessing <= goal : alone >= goal && withProcessing >= goal,
  });
  const os = await import("node:os");
  const report = {
    // Other work on the machine skews every figure: the 1/5/15-minute load averages at start and end.
    machine: { cores: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 10) / 10) },
    settings: { platform: platform.platform, seconds, connections, openLoopRate: rate, eventsPerRequest: 1, pgbenchClients: connections },
    ours: {
      ingestAlone: { closedLoop: summary(ours.alone.closed), openLoop: summary(ours.alone.open) },
      withProcessing: { closedLoop: summary(ours.closed), openLoop: summary(ours.open) },
      processing: ours.processing,
    },
    references: {
      pgbenchSingleRowInsertTps: pgbench.tps,
      bareNodeHttp: summary(bareHttp),
      // Named for Messenger's HMAC; with --platform zalo the check is Zalo's (signatureCheck).
      nodeHttpHmacPgInsert: summary(httpHmacInsert),
      signatureCheck: platform.signatureCheck,
    },
    oursAsFractionOf: { ingestAlone: fractions(ours.alone.closed), withProcessing: fractions(ours.closed) },
    targets: {
      eventsPerSecond: target(round(perSecond(ours.alone.closed)), round(perSecond(ours.closed)), 3000, false),
      p99AckMsAtRate: target(latencySummary(ours.alone.open.latenciesMs).p99, latencySummary(ours.open.latenciesMs).p99, 25, true),
    },
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await disconnectDb();
  await database.drop();
}
