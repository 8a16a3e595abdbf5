// Benchmark: round-robin assignment under concurrency. 10,000 new conversations arrive from 50
// concurrent streams; each is created the way the webhook receive path creates one (contact and
// conversation inserted, then routeNewConversation, in one transaction per conversation).
// Reports assignments/s, latency per conversation, and checks the spread (max − min ≤ 1) among the
// members who may receive, that no conversation is assigned twice, and that the inactive member
// gets none. With the rule's options on (--least-loaded, --away N members "Tạm vắng" in a rule that
// gives only to available staff, --cap N open conversations per member) it also checks that away
// members get none, that nobody exceeds the cap, and that the rest wait in the queue.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/round-robin.ts [--conversations 10000] [--streams 50] [--members 12] [--least-loaded] [--away 2] [--cap 900]
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "./support/bench-database";
import { intFlag, latencySummary } from "./support/stats";

const conversations = intFlag("conversations", 10_000);
const streams = intFlag("streams", 50);
const memberCount = intFlag("members", 12);
const leastLoaded = process.argv.includes("--least-loaded");
const awayCount = process.argv.includes("--away") ? intFlag("away", 1) : 0;
const cap = process.argv.includes("--cap") ? intFlag("cap", 1) : null;

const database = await createBenchDatabase("round_robin");
const { db, disconnectDb } = await import("../lib/db");
const { createRule } = await import("../lib/assignment/save-rule");
const { createChannel, createStaff, createWorkspace, receiveNewConversation, runConcurrently } = await import("../tests/support/assignment-fixtures");

try {
  const { admin, workspaceId } = await createWorkspace("Bench");
  const members = await createStaff(workspaceId, memberCount);
  const [inactive] = await createStaff(workspaceId, 1, { prefix: "inactive" });
  const channelId = await createChannel(workspaceId, admin.id);
  const rule = await createRule(admin, {
    name: "Bench",
    sourceChannelIds: [channelId],
    memberEmails: [...members, inactive!].map((member) => member.email),
    method: leastLoaded ? "least_loaded" : "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
    onlyAvailable: true,
    maxOpenPerAgent: cap,
  });
  await db().user.update({ where: { id: inactive!.id }, data: { active: false } });
  const away = members.slice(0, awayCount);
  const available = members.slice(awayCount);
  await db().user.updateMany({ where: { id: { in: away.map((member) => member.id) } }, data: { availability: "away" } });

  const latencies: number[] = [];
  const started = performance.now();
  await runConcurrently(conversations, streams, async () => {
    const begin = performance.now();
    await receiveNewConversation(channelId);
    latencies.push(performance.now() - begin);
  });
  const seconds = (performance.now() - started) / 1000;

  const perAssignee = await db().conversation.groupBy({ by: ["assigneeId"], where: { ruleId: rule.id }, _count: { _all: true } });
  const countOf = (userId: string) => perAssignee.find((group) => group.assigneeId === userId)?._count._all ?? 0;
  const counts = available.map((member) => countOf(member.id));
  const waiting = await db().conversation.count({ where: { ruleId: rule.id, state: "awaiting_claim" } });
  const events = await db().assignmentEvent.groupBy({ by: ["conversationId"], _count: { _all: true } });
  const report = {
    conversations,
    streams,
    method: leastLoaded ? "least_loaded" : "round_robin",
    availableMembers: available.length,
    awayMembers: away.length,
    cap,
    seconds: Math.round(seconds * 10) / 10,
    assignmentsPerSecond: Math.round(conversations / seconds),
    latencyMs: latencySummary(latencies),
    perMember: counts,
    spread: Math.max(...counts) - Math.min(...counts),
    waitingInQueue: waiting,
    toAwayMembers: away.reduce((sum, member) => sum + countOf(member.id), 0),
    toInactiveMember: perAssignee.find((group) => group.assigneeId === inactive!.id)?._count._all ?? 0,
    conversationsWithMoreThanOneAssignment: events.filter((group) => group._count._all !== 1).length,
  };
  console.log(JSON.stringify(report, null, 2));
  const assigned = counts.reduce((sum, count) => sum + count, 0);
  const ok =
    report.spread <= 1 &&
    report.toAwayMembers === 0 &&
    report.toInactiveMember === 0 &&
    (cap === null || Math.max(...counts) <= cap) &&
    assigned === Math.min(conversations, cap === null ? conversations : cap * available.length) &&
    assigned + waiting === conversations &&
    report.conversationsWithMoreThanOneAssignment === 0;
  console.log(ok ? "OK: spread ≤ 1, cap held, each conversation assigned at most once, the rest waiting." : "FAILED: see the report above.");
  process.exitCode = ok ? 0 : 1;
} finally {
  await disconnectDb();
  await database.drop();
}
