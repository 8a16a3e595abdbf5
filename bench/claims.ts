// Benchmark: "Nhận chat" under contention, end to end. The app runs as its own process (production
// build, real HTTP and Socket.io); 100 agents, each with a session and a Socket.io client, walk the
// same 1,000 waiting conversations in the same order, so every conversation gets 100 claims at
// nearly the same moment. Reports claims/s and latency, and checks that each conversation has
// exactly one winner, 99 conflicts naming that winner, one "claimed" event, and that every loser's
// socket was told `conversation:removed` naming the winner.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/claims.ts [--agents 100] [--conversations 1000] [--build]
// (the benchmarks' production build, .next-bench, is made first if missing; --build remakes it)
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Socket } from "socket.io-client";
import { ensureProductionBuild, freePort, startApp, stopProcess } from "./support/app-process";
import { createBenchDatabase } from "./support/bench-database";
import { connected, openSocket, sessionCookie } from "../tests/support/socket-client";
import { intFlag, latencySummary } from "./support/stats";

const agentCount = intFlag("agents", 100);
const conversationCount = intFlag("conversations", 1000);
ensureProductionBuild();
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;

const database = await createBenchDatabase("claims");
const { db, disconnectDb } = await import("../lib/db");
const { createChannel, createSalesRule, createStaff, createWorkspace } = await import("../tests/support/assignment-fixtures");

let server: ChildProcess | undefined;
const sockets: Socket[] = [];

async function seed() {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const agents = await createStaff(workspaceId, agentCount);
  const channelId = await createChannel(workspaceId, admin.id);
  const rule = await createSalesRule(admin, [channelId], agents, { name: "Bench", method: "self_claim" });
  const contacts = await db().contact.createManyAndReturn({
    data: Array.from({ length: conversationCount }, () => ({ channelId, platformUserId: randomUUID() })),
    select: { id: true },
  });
  const conversations = await db().conversation.createManyAndReturn({
    data: contacts.map((contact) => ({ workspaceId, channelId, contactId: contact.id, ruleId: rule.id, state: "awaiting_claim" as const })),
    select: { id: true },
  });
  return { agents, conversationIds: conversations.map((conversation) => conversation.id) };
}

interface Attempt {
  agentId: string;
  conversationId: string;
  status: number;
  winnerName: string | null;
  ms: number;
}

try {
  server = await startApp(port);
  const { agents, conversationIds } = await seed();
  const cookies = await Promise.all(agents.map((agent) => sessionCookie(agent)));

  // Every agent listens: losers must hear `conversation:removed` naming the winner.
  const removals = new Map<string, Map<string, string | null>>(agents.map((agent) => [agent.id, new Map()]));
  await Promise.all(
    agents.map(async (agent, index) => {
      const socket = openSocket(baseUrl, cookies[index]);
      sockets.push(socket);
      socket.on("conversation:removed", (event: { conversationId: string; reason: string; byName: string | null }) => {
        if (event.reason === "claimed") removals.get(agent.id)!.set(event.conversationId, event.byName);
      });
      await connected(socket);
    }),
  );

  const attempts: Attempt[] = [];
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent, index) => {
      for (const conversationId of conversationIds) {
        const begin = performance.now();
        const response = await fetch(`${baseUrl}/api/conversations/${conversationId}/claim`, { method: "POST", headers: { cookie: cookies[index]! } });
        const body = (await response.json()) as { conversation?: { assignee: { name: string } | null }; error?: { params?: { name?: string } } };
        attempts.push({
          agentId: agent.id,
          conversationId,
          status: response.status,
          winnerName: body.conversation?.assignee?.name ?? body.error?.params?.name ?? null,
          ms: performance.now() - begin,
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const expectedRemovals = conversationCount * (agentCount - 1);
  const countRemovals = () => [...removals.values()].reduce((sum, events) => sum + events.size, 0);
  for (let waited = 0; countRemovals() < expectedRemovals && waited < 60; waited++) await sleep(500);

  const stored = new Map(
    (await db().conversation.findMany({ where: { id: { in: conversationIds } }, select: { id: true, assignee: { select: { id: true, name: true } } } })).map(
      (conversation) => [conversation.id, conversation.assignee],
    ),
  );
  const claimedEvents = await db().assignmentEvent.groupBy({ by: ["conversationId"], where: { kind: "claimed" }, _count: { _all: true } });
  const byConversation = new Map<string, Attempt[]>();
  for (const attempt of attempts) byConversation.set(attempt.conversationId, [...(byConversation.get(attempt.conversationId) ?? []), attempt]);
  let wrongConversations = 0;
  for (const conversationId of conversationIds) {
    const mine = byConversation.get(conversationId) ?? [];
    const wins = mine.filter((attempt) => attempt.status === 200);
    const winner = stored.get(conversationId);
    const consistent =
      wins.length === 1 &&
      winner?.id === wins[0]!.agentId &&
      mine.filter((attempt) => attempt.status === 409 && attempt.winnerName === winner.name).length === agentCount - 1 &&
      agents.every((agent) => agent.id === winner.id || removals.get(agent.id)!.get(conversationId) === winner.name);
    if (!consistent) wrongConversations++;
  }
  const statuses: Record<string, number> = {};
  for (const attempt of attempts) statuses[attempt.status] = (statuses[attempt.status] ?? 0) + 1;
  const report = {
    agents: agentCount,
    conversations: conversationCount,
    claimAttempts: attempts.length,
    seconds: Math.round(seconds * 10) / 10,
    claimsPerSecond: Math.round(attempts.length / seconds),
    winsPerSecond: Math.round(conversationCount / seconds),
    latencyMs: latencySummary(attempts.map((attempt) => attempt.ms)),
    statuses,
    conversationsWithOneClaimedEvent: claimedEvents.filter((group) => group._count._all === 1).length,
    removalEventsReceived: countRemovals(),
    removalEventsExpected: expectedRemovals,
    conversationsFailingChecks: wrongConversations,
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = wrongConversations === 0 && report.conversationsWithOneClaimedEvent === conversationCount && claimedEvents.length === conversationCount;
  console.log(ok ? "OK: exactly one winner per conversation; every loser was told who won." : "FAILED: see the report above.");
  process.exitCode = ok ? 0 : 1;
} finally {
  sockets.forEach((socket) => socket.close());
  if (server) await stopProcess(server);
  await disconnectDb();
  await database.drop();
}
