// Benchmark: a customer's message, end to end — the Meta emulator delivers a signed webhook to the
// app (production build, its own process), which stores it, processes it and publishes it; the
// latency is counted until the `message:upsert` event reaches the Socket.io client of the agent the
// conversation is assigned to. --agents agents (200) of one round-robin rule are connected, each with
// its own session; customers of the rule's pages write at a fixed --rate (200 messages/s), open loop:
// each message's clock starts when it was due, so a backlog cannot hide.
//
// With --processes N the app runs as `npm run cluster` runs it: N processes behind nginx (on --port,
// processes from --first-app-port), the emulator's webhooks and every agent socket going through
// nginx, each socket with its own route cookie; the report then adds each process's RSS at idle.
//
// Two phases, reported apart: first messages (--customers customers write once: a new conversation,
// the profile read from the emulator's Graph API, routing), then --seconds of messages in existing
// conversations. Every event any agent receives is checked against the database afterwards: it must
// have reached its assignee, and nobody else.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/end-to-end.ts \
//     [--agents 200] [--rate 200] [--seconds 30] [--customers 600] [--build]
//     [--processes 3 [--port 8300] [--first-app-port 8301]] [--app-node-options "--cpu-prof --cpu-prof-dir=prof"]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Socket } from "socket.io-client";
import { startMetaEmulator } from "../emulators/meta/start-meta-emulator";
import { BENCH_DIST_DIR, ensureProductionBuild, freePort, isRunning, startApp, stopProcess } from "./support/app-process";
import { startCluster, type Cluster } from "../lib/cluster/start-cluster";
import { createBenchDatabase } from "./support/bench-database";
import { cpuPerMessage, cpuSnapshot } from "./support/cpu-time";
import { openLoop, type LoadRequest } from "./support/http-load";
import { intFlag, latencySummary, wordsFlag } from "./support/stats";
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
/** Options for the app's node (one process only), e.g. to profile it during the run. */
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
// The benchmark's own calls (page subscription) and the app's go to the emulator.
process.env.META_GRAPH_URL = emulator.url;
process.env.META_DIALOG_URL = emulator.url;
const { db, disconnectDb } = await import("../lib/db");
const { subscribePageWebhooks } = await import("../lib/channels/facebook/page-subscription");
const { createChannel, createSalesRule, createStaff, createWorkspace } = await import("../tests/support/assignment-fixtures");
const { emulatorControl } = await import("../tests/support/app-emulator");

interface Customer {
  pageId: string;
  psid: string;
}

/** The emulator's first user connects every page they administer; all go into one round-robin rule. */
async function seed() {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const agents = await createStaff(workspaceId, agentCount);
  const owner = emulator.world.users[0]!;
  const pageIds = emulator.world.rolesOf(owner.id).filter((role) => role.tasks.includes("MANAGE")).map((role) => role.pageId);
  const channelIds: string[] = [];
  for (const pageId of pageIds) {
    const { pageToken } = await emulatorControl<{ pageToken: string }>(emulator, "tokens", { userId: owner.id, pageId, longLived: true });
    await subscribePageWebhooks(pageId, pageToken);
    channelIds.push(await createChannel(workspaceId, admin.id, { externalId: pageId, name: emulator.world.page(pageId)!.name, pageToken }));
  }
  await createSalesRule(admin, channelIds, agents, { name: "Bench" });
  const customers: Customer[] = [];
  for (let index = 0; index < customerCount; index++) {
    const pageId = pageIds[index % pageIds.length]!;
    const customer = emulator.world.addCustomer(pageId, `Khách ${index}`, "Nguyễn");
    customers.push({ pageId, psid: customer.psid });
  }
  return { agents, customers, pageCount: pageIds.length };
}

/** When each numbered message was due, and every agent socket that received it (and when). */
const dueAt = new Map<number, number>();
const receipts = new Map<number, Array<{ agentId: string; at: number }>>();
const conversationOf = new Map<number, string>();
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
    const body = JSON.stringify({ pageId: customer.pageId, psid: customer.psid, text: `Shop ơi áo này còn size M không ạ? [#${n}]` });
    return { path: "/_emulator/messages?wait=false", body, headers: { "content-type": "application/json" } };
  };
}

/**
 * When the app acknowledged each numbered message's webhook (performance.now() time), from the
 * emulator's delivery log: splits the end-to-end latency into "until acknowledged" and "after".
 */
function acknowledgedAt(): Map<number, number> {
  const acknowledged = new Map<number, number>();
  for (const delivery of emulator.world.deliveries) {
    const last = delivery.attempts.at(-1);
    const n = Number(/\[#(\d+)\]/.exec(JSON.stringify(delivery.body))?.[1] ?? NaN);
    if (last?.status === 200 && dueAt.has(n)) acknowledged.set(n, last.at + last.durationMs - performance.timeOrigin);
  }
  return acknowledged;
}

/** Latencies of messages [from, to) at their assignees; missing and misdelivered events counted. */
async function phaseReport(from: number, to: number) {
  const conversationIds = [...new Set([...conversationOf.values()])];
  const assignees = new Map(
    (await db().conversation.findMany({ where: { id: { in: conversationIds } }, select: { id: true, assigneeId: true } })).map((row) => [row.id, row.assigneeId]),
  );
  const acknowledged = acknowledgedAt();
  const latencies: number[] = [];
  const untilAcknowledged: number[] = [];
  const afterAcknowledged: number[] = [];
  let missing = 0;
  let toSomeoneElse = 0;
  for (let n = from; n < to; n++) {
    const got = receipts.get(n) ?? [];
    const assignee = assignees.get(conversationOf.get(n) ?? "");
    const atAssignee = got.find((receipt) => receipt.agentId === assignee);
    const ackAt = acknowledged.get(n);
    if (ackAt !== undefined) untilAcknowledged.push(ackAt - dueAt.get(n)!);
    if (atAssignee) latencies.push(atAssignee.at - dueAt.get(n)!);
    else missing++;
    if (atAssignee && ackAt !== undefined) afterAcknowledged.push(atAssignee.at - ackAt);
    toSomeoneElse += got.filter((receipt) => receipt.agentId !== assignee).length;
  }
  return {
    messages: to - from,
    receivedByAssignee: latencies.length,
    missing,
    receivedBySomeoneElse: toSomeoneElse,
    latencyMs: latencySummary(latencies),
    // Due → webhook acknowledged (emulator queue, HTTP, signature, durable insert), then → socket
    // event (processing queue, storing, publishing). Percentiles of each part, not summable.
    untilAcknowledgedMs: latencySummary(untilAcknowledged),
    afterAcknowledgedMs: latencySummary(afterAcknowledged),
  };
}

async function settle(until: number) {
  const deadline = performance.now() + SETTLE_MS;
  const isComplete = () => [...Array(until).keys()].every((n) => receipts.has(n));
  while (!isComplete() && performance.now() < deadline) await sleep(100);
}

/** nginx's route cookie for a new client, so the agents' sockets spread over the processes as browsers' do. */
async function routeCookie(): Promise<string> {
  const cookie = (await fetch(`${appUrl}/api/health`)).headers.getSetCookie().find((line) => line.startsWith("chat_route="));
  return cookie ? `; ${cookie.split(";")[0]}` : "";
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number | undefined): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

const sockets: Socket[] = [];
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let cluster: Cluster | undefined;
const clusterDir = mkdtempSync(path.join(os.tmpdir(), "bench-cluster-"));
try {
  const { agents, customers, pageCount } = await seed();
  const appSettings = { META_GRAPH_URL: emulator.url, META_DIALOG_URL: emulator.url, LOG_LEVEL: "error" };
  if (processCount > 0) {
    cluster = await startCluster({
      processes: processCount,
      port: nginxPort,
      firstAppPort,
      nginxDir: path.join(clusterDir, "nginx"),
      env: { ...process.env, ...appSettings, NODE_ENV: "production", NEXT_DIST_DIR: BENCH_DIST_DIR, DEMO_MODE: "false", DATA_DIR: clusterDir, APP_URL: appUrl },
    });
  } else {
    app = await startApp(appPort, appSettings, appNodeOptions);
  }
  const rssAtIdleMb = cluster ? cluster.apps.map((process) => rssMb(process.child.pid)) : [rssMb(app?.pid)];
  await Promise.all(
    agents.map(async (agent) => {
      const socket = openSocket(appUrl, (await sessionCookie(agent)) + (cluster ? await routeCookie() : ""));
      sockets.push(socket);
      socket.on("message:upsert", onMessage(agent.id));
      await connected(socket);
    }),
  );
  const emulatorPort = Number(new URL(emulator.url).port);

  // A phase's sends until every message arrived, with the CPU time per message of the single app
  // process and of its database (cpu-time.ts says why).
  const runPhase = async (from: number, phaseSeconds: number) => {
    const before = app ? await cpuSnapshot(app.pid!, db()) : null;
    const sends = await openLoop(emulatorPort, rate, phaseSeconds, customerWrites(customers));
    await settle(counter);
    const cpuMsPerMessage = before && cpuPerMessage(before, await cpuSnapshot(app!.pid!, db()), counter - from);
    return { sends, report: { ...(await phaseReport(from, counter)), cpuMsPerMessage } };
  };

  // Phase 1: every customer writes once — new conversations, routed round-robin.
  const { sends: firstSends, report: firstMessages } = await runPhase(0, customerCount / rate);

  // Phase 2: the same customers keep writing in their existing conversations.
  const { sends: laterSends, report: laterMessages } = await runPhase(counter, seconds);
  if (app && !isRunning(app)) throw new Error("the app exited during the run");
  if (cluster?.apps.some((process) => process.child.exitCode !== null)) throw new Error("an app process exited during the run");

  const failedDeliveries = emulator.world.deliveries.filter((delivery) => delivery.kind === "webhook" && delivery.state !== "delivered").length;
  const report = {
    machine: { cores: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 10) / 10) },
    settings: { agents: agentCount, connectedSockets: sockets.filter((socket) => socket.connected).length, pages: pageCount, customers: customerCount, messagesPerSecond: rate, seconds, processes: processCount || "1, no nginx" },
    rssAtIdleMb,
    controlApiErrors: firstSends.errors + laterSends.errors,
    webhookDeliveriesNotAcknowledged: failedDeliveries,
    firstMessagesNewConversations: firstMessages,
    messagesInExistingConversations: laterMessages,
    target: { p99Ms: 100, met: laterMessages.latencyMs.p99 <= 100 && laterMessages.missing === 0 },
  };
  console.log(JSON.stringify(report, null, 2));
  const correct = firstMessages.missing + laterMessages.missing + firstMessages.receivedBySomeoneElse + laterMessages.receivedBySomeoneElse === 0;
  console.log(correct ? "OK: every message reached its assignee, and nobody else." : "FAILED: messages missing or delivered to the wrong agent; see above.");
  process.exitCode = correct ? 0 : 1;
} finally {
  sockets.forEach((socket) => socket.close());
  if (app) await stopProcess(app);
  await cluster?.stop();
  rmSync(clusterDir, { recursive: true, force: true });
  await emulator.close();
  await disconnectDb();
  await database.drop();
}
