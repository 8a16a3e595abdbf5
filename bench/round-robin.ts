// Benchmark: round-robin assignment under concurrency. 10,000 new conversations arrive from 50
// concurrent streams; each is created the way the webhook receive path creates one (contact and
// conversation inserted, then routeNewConversation, in one transaction per conversation).
// Reports assignments/s, latency per conversation, and checks the spread (max − min ≤ 1), that
// no conversation is assigned twice, and that the inactive member gets none.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/round-robin.ts [--conversations 10000] [--streams 50] [--members 12]
import { performance } from "node:perf_hooks";
import { createBenchDatabase } from "./support/bench-database";
import { intFlag, latencySummary } from "./support/stats";

const conversations = intFlag("conversations", 10_000);
const streams = intFlag("streams", 50);
const memberCount = intFlag("members", 12);

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
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
  });
  await db().user.update({ where: { id: inactive!.id }, data: { active: false } });

  const latencies: number[] = [];
  const started = performance.now();
  await runConcurrently(conversations, streams, async () => {
    const begin = performance.now();
    await receiveNewConversation(channelId);
    latencies.push(performance.now() - begin);
  });
  const seconds = (performance.now() - started) / 1000;

  const perAssignee = await db().conversation.groupBy({ by: ["assigneeId"], where: { ruleId: rule.id }, _count: { _all: true } });
  const counts = members.map((member) => perAssignee.find((group) => group.assigneeId === member.id)?._count._all ?? 0);
  const events = await db().assignmentEvent.groupBy({ by: ["conversationId"], _count: { _all: true } });
  const report = {
    conversations,
    streams,
    activeMembers: memberCount,
    seconds: Math.round(seconds * 10) / 10,
    assignmentsPerSecond: Math.round(conversations / seconds),
    latencyMs: latencySummary(latencies),
    perMember: counts,
    spread: Math.max(...counts) - Math.min(...counts),
    unassigned: perAssignee.find((group) => group.assigneeId === null)?._count._all ?? 0,
    toInactiveMember: perAssignee.find((group) => group.assigneeId === inactive!.id)?._count._all ?? 0,
    conversationsWithMoreThanOneAssignment: events.filter((group) => group._count._all !== 1).length,
  };
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.spread <= 1 &&
    report.unassigned === 0 &&
    report.toInactiveMember === 0 &&
    report.conversationsWithMoreThanOneAssignment === 0 &&
    events.length === conversations &&
    counts.reduce((sum, count) => sum + count, 0) === conversations;
  console.log(ok ? "OK: spread ≤ 1, each conversation assigned exactly once." : "FAILED: see the report above.");
  process.exitCode = ok ? 0 : 1;
} finally {
  await disconnectDb();
  await database.drop();
}
