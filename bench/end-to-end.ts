// Benchmark: a customer's message, end to end — the Meta emulator delivers a signed webhook to the
// app (production build, its own process), which stores it, processes it and publishes it; the
// latency is counted until the `message:upsert` event reaches the Socket.io client of the agent the
// conversation is assigned to. --agents agents (200) of one round-robin rule are connected, each with
// its own session; customers of the rule's pages write at a fixed --rate (200 messages/s), open loop:
// each message's clock starts when it was due, so a backlog cannot hide.
//
// With --processes N the app runs as `npm run cluster` runs it: N processes behind nginx (on --port,
// processes from --first-app-port), the emulator's webhooks and every agent socket going through
// nginx, each socket with its own route cookie. The report gives each process's RSS when it is ready
// and again after --idle-seconds (15) of idle, before any agent connects.
//
// With --zalo-share F (0 to 1, default 0) that fraction of the customers are Zalo users writing to
// the OAs of the Zalo emulator (started in this process like the Meta one, the app's Zalo); the rule's
// sources are then the Meta pages and the OAs together, and every figure is given per platform too.
//
// Two phases, reported apart: first messages (--customers customers write once: a new conversation,
// the profile read from the emulator's Graph API, routing), then --seconds of messages in existing
// conversations. Every event any agent receives is checked against the database afterwards: it must
// have reached its assignee, and nobody else.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/end-to-end.ts \
//     [--agents 200] [--rate 200] [--seconds 30] [--customers 600] [--zalo-share 0.5] [--build]
//     [--processes 3 [--port 8300] [--first-app-port 8301]] [--app-node-options "--cpu-prof --cpu-prof-dir=prof"]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Socket } from "socket.io-client";
import { startMetaEmulator } from "../emulators/meta/start-meta-emulator";
import { startZaloEmulator, type ZaloEmulator } from "../emulators/zalo/start-zalo-emulator";
import { BENCH_DIST_DIR, ensureProductionBuild, freePort, isRunning, startApp, stopProcess } from "./support/app-process";
import { startCluster, type Cluster } from "../lib/cluster/start-cluster";
import { createBenchDatabase } from "./support/bench-database";
import { cpuPerMessage, cpuSnapshot } from "./support/cpu-time";
import { openLoop, type LoadRequest } from "./support/http-load";
import { fractionFlag, intFlag, latencyBySecond, latencySummary, wordsFlag } from "./support/stats";
import { residentMemory } from "./support/process-memory";
import { connected, openSocket, sessionCookie } from "../tests/support/socket-client";
import type { MessageDto } from "../lib/inbox/inbox-dto";

const agentCount = intFlag("agents", 200);
const rate = intFlag("rate", 200);
const seconds = intFlag("seconds", 30);
const customerCount = intFlag("customers", 600);
/** 0: one process reached directly (the figures above this section of docs/benchmarks.md); N: N processes behind nginx. */
const processCount = intFlag("processes", 0);
const nginxPort = intFlag("port", 8300);
const firstAppPort = intFlag("first-app-port", nginxPort + 1);
/** How long the started processes idle before their memory is read again (start-up work settles, as in bench/idle-memory.ts). */
const idleSeconds = intFlag("idle-seconds", 15);
/** The fraction of customers who write on Zalo; the others write on Messenger. */
const zaloShare = fractionFlag("zalo-share", 0);
/** Options for the app's node (each process's in a cluster), e.g. to profile it during the run. */
const appNodeOptions = wordsFlag("app-node-options");
/** How long after the last send an event may still arrive before it counts as lost. */
const SETTLE_MS = 30_000;

ensureProductionBuild();
const loadAtStart = os.loadavg().map((v) => Math.round(v * 10) / 10);
const database = await createBenchDatabase("end_to_end");
const appPort = processCount > 0 ? nginxPort : await freePort();
const appUrl = `http://127.0.0.1:${appPort}`;
const emulator = await startMetaEmulator({
  port: await freePort(),
  appId: process.env.META_APP_ID!,
  appSecret: process.env.META_APP_SECRET!,
  webhookUrl: `${appUrl}/api/webhooks/facebook`,
});
/** Zalo's emulator, with the app's Zalo app (set by createBenchDatabase), only when customers write on Zalo. */
const zaloEmulator: ZaloEmulator | undefined =
  zaloShare > 0
    ? await startZaloEmulator({
        port: await freePort(),
        appId: process.env.ZALO_APP_ID!,
        appSecret: process.env.ZALO_APP_SECRET!,
        oaSecretKey: process.env.ZALO_OA_SECRET_KEY!,
        webhookUrl: `${appUrl}/api/webhooks/zalo`,
      })
    : undefined;
// The benchmark's own calls (page subscription) and the app's go to the emulators.
process.env.META_GRAPH_URL = emulator.url;
process.env.META_DIALOG_URL = emulator.url;
const { db, disconnectDb } = await import("../lib/db");
const { subscribePageWebhooks } = await import("../lib/channels/facebook/page-subscription");
const { createChannel, createSalesRule, createStaff, createWorkspace } = await import("../tests/support/assignment-fixtures");
const { emulatorControl } = await import("../tests/support/app-emulator");
const { zaloControl } = await import("../tests/support/zalo-app-emulator");

type BenchPlatform = "facebook" | "zalo";

/** A customer, and what their emulator's `POST /_emulator/messages` needs to write as them. */
interface Customer {
  platform: BenchPlatform;
  emulatorPort: number;
  writer: Record<string, string>;
}

/** One emulator's connected accounts (channels), and how it makes a new customer of one of them. */
interface Source {
  channelIds: string[];
  addCustomer: (index: number) => Customer;
}

/** The Meta emulator's first user connects every page they administer, subscribed with real page tokens. */
async function metaSource(workspaceId: string, adminId: string): Promise<Source> {
  const owner = emulator.world.users[0]!;
  const pageIds = emulator.world.rolesOf(owner.id).filter((role) => role.tasks.includes("MANAGE")).map((role) => role.pageId);
  const channelIds: string[] = [];
  for (const pageId of pageIds) {
    const { pageToken } = await emulatorControl<{ pageToken: string }>(emulator, "tokens", { userId: owner.id, pageId, longLived: true });
    await subscribePageWebhooks(pageId, pageToken);
    channelIds.push(await createChannel(workspaceId, adminId, { externalId: pageId, name: emulator.world.page(pageId)!.name, pageToken }));
  }
  const emulatorPort = Number(new URL(emulator.url).port);
  return {
    channelIds,
    addCustomer: (index) => {
      const pageId = pageIds[index % pageIds.length]!;
      const { psid } = emulator.world.addCustomer(pageId, `Khách ${index}`, "Nguyễn");
      return { platform: "facebook", emulatorPort, writer: { pageId, psid } };
    },
  };
}

/** The Zalo emulator's first OA administrator connects every OA they administer, with tokens it issued. */
async function zaloSource(zalo: ZaloEmulator, workspaceId: string, adminId: string): Promise<Source> {
  const owner = zalo.world.oas[0]!.adminIds[0]!;
  const oas = zalo.world.oas.filter((oa) => oa.adminIds.includes(owner));
  const channelIds: string[] = [];
  for (const oa of oas) {
    const { access_token } = await zaloControl<{ access_token: string }>(zalo, "tokens", { oaId: oa.id });
    channelIds.push(await createChannel(workspaceId, adminId, { externalId: oa.id, name: oa.name, pageToken: access_token, platform: "zalo" }));
  }
  const emulatorPort = Number(new URL(zalo.url).port);
  return {
    channelIds,
    addCustomer: (index) => {
      const oaId = oas[index % oas.length]!.id;
      const { userId } = zalo.world.ensureOaUser(oaId, zalo.world.addPerson(`Khách Zalo ${index}`).id);
      return { platform: "zalo", emulatorPort, writer: { oaId, userId } };
    },
  };
}

/** True when customer `index` writes on Zalo: Zalo customers spread evenly among the others, zaloShare of all. */
const isZaloCustomer = (index: number) => Math.floor((index + 1) * zaloShare) > Math.floor(index * zaloShare);

/** Every connected page and OA goes into one round-robin rule; the customers are split by zaloShare. */
async function seed() {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const agents = await createStaff(workspaceId, agentCount);
  const meta = await metaSource(workspaceId, admin.id);
  const zalo = zaloEmulator ? await zaloSource(zaloEmulator, workspaceId, admin.id) : undefined;
  await createSalesRule(admin, [...meta.channelIds, ...(zalo?.channelIds ?? [])], agents, { name: "Bench" });
  const customers: Customer[] = [];
  for (let index = 0; index < customerCount; index++) {
    customers.push(zalo && isZaloCustomer(index) ? zalo.addCustomer(index) : meta.addCustomer(index));
  }
  return { agents, customers, pageCount: meta.channelIds.length, oaCount: zalo?.channelIds.length ?? 0 };
}

/** When each numbered message was due, on which platform, and every agent socket that received it (and when). */
const dueAt = new Map<number, number>();
const platformOf = new Map<number, BenchPlatform>();
const receipts = new Map<number, Array<{ agentId: string; at: number }>>();
const conversationOf = new Map<number, string>();
/**
 * Messages the load generator could not hand to the emulator (its control API answered an error or
 * the connection failed, with the benchmark's own process saturated): never sent to the app, so
 * reported apart rather than as missing.
 */
const notSent = new Map<number, number | string>();
const TAG = /\[#(\d+)\]$/;

function onMessage(agentId: string) {
  return ({ message }: { message: MessageDto }) => {
    const n = Number(TAG.exec(message.text ?? "")?.[1] ?? NaN);
    if (!dueAt.has(n)) return;
    conversationOf.set(n, message.conversationId);
    receipts.set(n, [...(receipts.get(n) ?? []), { agentId, at: performance.now() }]);
  };
}

let counter = 0;
function customerWrites(customers: Customer[]) {
  return (due: number): LoadRequest => {
    const n = counter++;
    dueAt.set(n, due);
    const customer = customers[n % customers.length]!;
    platformOf.set(n, customer.platform);
    const body = JSON.stringify({ ...customer.writer, text: `Shop ơi áo này còn size M không ạ? [#${n}]` });
    const onAnswered = (status: number | string) => {
      if (typeof status !== "number" || status < 200 || status > 299) notSent.set(n, status);
    };
    return { port: customer.emulatorPort, path: "/_emulator/messages?wait=false", body, headers: { "content-type": "application/json" }, onAnswered };
  };
}

/** What the benchmark reads of a webhook delivery; both emulators log theirs alike. */
interface LoggedDelivery {
  state: "pending" | "delivered" | "failed" | "skipped";
  body: unknown;
  attempts: Array<{ at: number; status?: number; durationMs: number }>;
}

/**
 * Every webhook delivery of the run, gathered from the emulators' logs as they appear (the objects
 * keep their outcome): each log holds only its last 1,000 deliveries, fewer than a run makes.
 */
const deliveries = new Set<LoggedDelivery>();
function gatherDeliveries(): void {
  for (const delivery of emulator.world.deliveries) if (delivery.kind === "webhook") deliveries.add(delivery);
  for (const delivery of zaloEmulator?.world.deliveries ?? []) deliveries.add(delivery);
}

/**
 * When the emulator began the POST that the app acknowledged for each numbered message, and when the
 * app acknowledged it (performance.now() times), from the emulators' deliveries: splits the
 * end-to-end latency into the emulator's queue, the acknowledgement, and what follows.
 */
function acknowledgedAt(): { posted: Map<number, number>; acknowledged: Map<number, number> } {
  gatherDeliveries();
  const posted = new Map<number, number>();
  const acknowledged = new Map<number, number>();
  for (const delivery of deliveries) {
    const last = delivery.attempts.at(-1);
    if (last?.status !== 200) continue;
    // A Messenger delivery may carry several customers' messages (the emulator batches, as Meta does).
    for (const [, number] of JSON.stringify(delivery.body).matchAll(/\[#(\d+)\]/g)) {
      if (!dueAt.has(Number(number))) continue;
      posted.set(Number(number), last.at - performance.timeOrigin);
      acknowledged.set(Number(number), last.at + last.durationMs - performance.timeOrigin);
    }
  }
  return { posted, acknowledged };
}

/** Latencies of messages [from, to) (of one platform, if given) at their assignees; missing and misdelivered events counted. */
async function phaseReport(from: number, to: number, platform?: BenchPlatform) {
  const conversationIds = [...new Set([...conversationOf.values()])];
  const assignees = new Map(
    (await db().conversation.findMany({ where: { id: { in: conversationIds } }, select: { id: true, assigneeId: true } })).map((row) => [row.id, row.assigneeId]),
  );
  const { posted, acknowledged } = acknowledgedAt();
  const latencies: number[] = [];
  const untilPosted: number[] = [];
  const untilAcknowledged: number[] = [];
  const afterAcknowledged: number[] = [];
  const timeline: Array<{ dueMs: number; latencyMs: number }> = [];
  let missing = 0;
  let neverSent = 0;
  let toSomeoneElse = 0;
  let messages = 0;
  /** The first few events that reached someone else, with what a diagnosis needs (the message's number is in its text). */
  const toSomeoneElseExamples: Array<{ message: number; conversationId: string; receivedBy: string; assignee: string | null | undefined }> = [];
  for (let n = from; n < to; n++) {
    if (platform && platformOf.get(n) !== platform) continue;
    messages++;
    const got = receipts.get(n) ?? [];
    const assignee = assignees.get(conversationOf.get(n) ?? "");
    const atAssignee = got.find((receipt) => receipt.agentId === assignee);
    const ackAt = acknowledged.get(n);
    if (ackAt !== undefined) untilAcknowledged.push(ackAt - dueAt.get(n)!);
    if (posted.has(n)) untilPosted.push(posted.get(n)! - dueAt.get(n)!);
    if (atAssignee) latencies.push(atAssignee.at - dueAt.get(n)!);
    else if (notSent.has(n) && got.length === 0) neverSent++;
    else missing++;
    if (atAssignee) timeline.push({ dueMs: dueAt.get(n)!, latencyMs: atAssignee.at - dueAt.get(n)! });
    if (atAssignee && ackAt !== undefined) afterAcknowledged.push(atAssignee.at - ackAt);
    for (const receipt of got.filter((receipt) => receipt.agentId !== assignee)) {
      toSomeoneElse++;
      if (toSomeoneElseExamples.length < 20) toSomeoneElseExamples.push({ message: n, conversationId: conversationOf.get(n) ?? "", receivedBy: receipt.agentId, assignee });
    }
  }
  return {
    messages,
    receivedByAssignee: latencies.length,
    missing,
    ...(neverSent > 0 ? { neverSentByLoadGenerator: neverSent } : {}),
    receivedBySomeoneElse: toSomeoneElse,
    ...(toSomeoneElseExamples.length > 0 ? { receivedBySomeoneElseExamples: toSomeoneElseExamples } : {}),
    latencyMs: latencySummary(latencies),
    // Due → webhook acknowledged (load generator, emulator queue, HTTP, signature, durable insert),
    // then → socket event (processing queue, storing, publishing). Percentiles of each part, not
    // summable. Until posted: the load generator and the emulator's queue (one delivery per page in
    // flight, as Facebook), before the app has the request.
    untilPostedMs: latencySummary(untilPosted),
    untilAcknowledgedMs: latencySummary(untilAcknowledged),
    afterAcknowledgedMs: latencySummary(afterAcknowledged),
    latencyBySecondMs: latencyBySecond(timeline),
    // At a constant rate, the longest wait is the backlog's peak in seconds of input; how long after
    // the last message was due the last one arrived is how long the backlog took to drain.
    backlogPeakSeconds: latencies.length > 0 ? Math.round(Math.max(...latencies) / 100) / 10 : null,
    drainedAfterLastDueMs: timeline.length > 0 ? Math.round(Math.max(...timeline.map((t) => t.dueMs + t.latencyMs)) - Math.max(...timeline.map((t) => t.dueMs))) : null,
  };
}

/** The phase per platform, when customers write on both. */
async function phaseByPlatform(from: number, to: number) {
  if (!zaloEmulator) return undefined;
  return { facebook: await phaseReport(from, to, "facebook"), zalo: await phaseReport(from, to, "zalo") };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function settle(until: number) {
  const deadline = performance.now() + SETTLE_MS;
  const isComplete = () => [...Array(until).keys()].every((n) => receipts.has(n) || notSent.has(n));
  while (!isComplete() && performance.now() < deadline) await sleep(100);
}

/** nginx's route cookie for a new client, so the agents' sockets spread over the processes as browsers' do. */
async function routeCookie(): Promise<string> {
  const cookie = (await fetch(`${appUrl}/api/health`)).headers.getSetCookie().find((line) => line.startsWith("chat_route="));
  return cookie ? `; ${cookie.split(";")[0]}` : "";
}

const sockets: Socket[] = [];
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let cluster: Cluster | undefined;
const gathering = setInterval(gatherDeliveries, 100);
const clusterDir = mkdtempSync(path.join(os.tmpdir(), "bench-cluster-"));
try {
  const { agents, customers, pageCount, oaCount } = await seed();
  const appSettings = {
    META_GRAPH_URL: emulator.url,
    META_DIALOG_URL: emulator.url,
    ...(zaloEmulator ? { ZALO_API_URL: zaloEmulator.url, ZALO_OAUTH_URL: zaloEmulator.url } : {}),
    LOG_LEVEL: "error",
  };
  if (processCount > 0) {
    cluster = await startCluster({
      processes: processCount,
      port: nginxPort,
      firstAppPort,
      nginxDir: path.join(clusterDir, "nginx"),
      nodeArguments: appNodeOptions,
      env: {
        ...process.env,
        ...appSettings,
        NODE_ENV: "production",
        NEXT_DIST_DIR: BENCH_DIST_DIR,
        DEMO_MODE: "false",
        DATA_DIR: clusterDir,
        APP_URL: appUrl,
      },
    });
  } else {
    app = await startApp(appPort, appSettings, appNodeOptions);
  }
  const appPids = (cluster ? cluster.apps.map((process) => process.child.pid) : [app?.pid]).map((pid) => pid!);
  const rssAtStartUpMb = appPids.map((pid) => residentMemory(pid).rssMb);
  await sleep(idleSeconds * 1000);
  const rssAtIdleMb = appPids.map((pid) => residentMemory(pid).rssMb);
  await Promise.all(
    agents.map(async (agent) => {
      const socket = openSocket(appUrl, (await sessionCookie(agent)) + (cluster ? await routeCookie() : ""));
      sockets.push(socket);
      socket.on("message:upsert", onMessage(agent.id));
      await connected(socket);
    }),
  );
  // Each request goes to its customer's emulator; this port is only the loops' default.
  const emulatorPort = Number(new URL(emulator.url).port);

  // A phase's sends until every message arrived, with the CPU time per message of the app's
  // processes together and of its database (cpu-time.ts says why).
  const runPhase = async (from: number, phaseSeconds: number) => {
    const before = await cpuSnapshot(appPids, db());
    const sends = await openLoop(emulatorPort, rate, phaseSeconds, customerWrites(customers));
    await settle(counter);
    const cpuMsPerMessage = cpuPerMessage(before, await cpuSnapshot(appPids, db()), counter - from);
    return { sends, report: { ...(await phaseReport(from, counter)), cpuMsPerMessage }, byPlatform: await phaseByPlatform(from, counter) };
  };

  // Phase 1: every customer writes once — new conversations, routed round-robin.
  const { sends: firstSends, report: firstMessages, byPlatform: firstByPlatform } = await runPhase(0, customerCount / rate);

  // Phase 2: the same customers keep writing in their existing conversations.
  const { sends: laterSends, report: laterMessages, byPlatform: laterByPlatform } = await runPhase(counter, seconds);
  if (app && !isRunning(app)) throw new Error("the app exited during the run");
  if (cluster?.apps.some((process) => process.child.exitCode !== null)) throw new Error("an app process exited during the run");

  gatherDeliveries();
  const failedDeliveries = [...deliveries].filter((delivery) => delivery.state !== "delivered").length;
  // An attempt that failed (the app's answer, a timeout, a refused connection) is retried by the
  // emulator seconds later, as the platform would: its messages wait that long.
  const failedAttempts = [...deliveries].flatMap((delivery) => delivery.attempts.filter((attempt) => attempt.status !== 200));
  const report = {
    machine: { cores: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 10) / 10) },
    settings: { agents: agentCount, connectedSockets: sockets.filter((socket) => socket.connected).length, pages: pageCount, zaloOas: oaCount, zaloShare, customers: customerCount, messagesPerSecond: rate, seconds, processes: processCount || "1, no nginx" },
    rssAtStartUpMb,
    rssAtIdleMb,
    controlApiErrors: firstSends.errors + laterSends.errors,
    ...(notSent.size > 0 ? { controlApiFailures: countBy([...notSent.values()].map(String)) } : {}),
    webhookDeliveriesNotAcknowledged: failedDeliveries,
    webhookAttemptsFailed: countBy(failedAttempts.map((attempt) => ("error" in attempt && typeof attempt.error === "string" ? attempt.error : `HTTP ${attempt.status}`))),
    firstMessagesNewConversations: firstMessages,
    messagesInExistingConversations: laterMessages,
    ...(firstByPlatform && laterByPlatform
      ? { byPlatform: { firstMessagesNewConversations: firstByPlatform, messagesInExistingConversations: laterByPlatform } }
      : {}),
    target: { p99Ms: 100, met: laterMessages.latencyMs.p99 <= 100 && laterMessages.missing === 0 },
  };
  console.log(JSON.stringify(report, null, 2));
  const correct = firstMessages.missing + laterMessages.missing + firstMessages.receivedBySomeoneElse + laterMessages.receivedBySomeoneElse === 0;
  console.log(correct ? "OK: every message reached its assignee, and nobody else." : "FAILED: messages missing or delivered to the wrong agent; see above.");
  process.exitCode = correct ? 0 : 1;
} finally {
  clearInterval(gathering);
  sockets.forEach((socket) => socket.close());
  if (app) await stopProcess(app);
  await cluster?.stop();
  rmSync(clusterDir, { recursive: true, force: true });
  await emulator.close();
  await zaloEmulator?.close();
  await disconnectDb();
  await database.drop();
}
