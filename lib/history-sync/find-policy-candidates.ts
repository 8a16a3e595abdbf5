// The synced conversations "Xử lý hội thoại cũ" still decides about: imported by history sync, with
// nobody taking care of them. Conversations an admin unassigned on purpose are left alone, as the
// rules feature does when a page joins a rule (attach-rule-sources.ts).
import type { Tx } from "@/lib/db";
import type { PolicyCandidate } from "@/lib/history-sync/plan-history-policy";

export async function findPolicyCandidates(tx: Tx, channelId: string): Promise<PolicyCandidate[]> {
  const rows = await tx.conversation.findMany({
    where: { channelId, origin: "synced", state: "unassigned", assigneeId: null },
    select: {
      id: true,
      lastInboundAt: true,
      channel: { select: { platform: true } },
      assignmentEvents: { select: { kind: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
  });
  return rows
    .filter((row) => row.assignmentEvents[0]?.kind !== "unassigned")
    .map((row) => ({ id: row.id, platform: row.channel.platform, lastInboundAt: row.lastInboundAt }));
}
