// Before someone is deactivated, the channels they connected change hands so nothing is left
// orphaned: each "only me" page goes where the admin said (an active admin's own inbox, or into a
// rule); their shared pages, which a rule already answers, pass to the admin doing the deactivation.
// Runs inside the deactivation's transaction, before their conversations are released.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { attachRuleSources } from "@/lib/assignment/attach-rule-sources";
import { lockRules } from "@/lib/assignment/lock-rows";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";
import { handChannelTo } from "@/lib/channels/hand-channel-to";
import type { ChannelHandover } from "@/lib/staff/channel-handover-schema";

export async function handOverChannelsOf(
  tx: Tx,
  admin: SessionUser,
  userId: string,
  handovers: readonly ChannelHandover[],
): Promise<{ changes: ConversationChange[]; channelIds: string[] }> {
  const owned = await tx.channel.findMany({
    where: { workspaceId: admin.workspaceId, connectedById: userId, status: { not: "disconnected" } },
    select: { id: true, name: true, chatMode: true, connectedById: true },
    orderBy: { id: "asc" },
  });
  const byChannel = new Map(handovers.map((handover) => [handover.channelId, handover]));
  const undecided = owned.filter((channel) => channel.chatMode === "only_me" && !byChannel.has(channel.id));
  if (undecided.length > 0) {
    throw new AppError("conflict", `Say what becomes of ${undecided.map((channel) => channel.name).join(", ")} first.`, {
      reason: "channel_handover_required",
      count: undecided.length,
    });
  }

  // Rules first (lock-rows.ts), then the conversations the hand-overs move.
  const ruleIds = handovers.flatMap((handover) => (handover.to === "rule" ? [handover.ruleId] : []));
  const locked = await lockRules(tx, ruleIds);
  const admins = await tx.user.findMany({
    where: { workspaceId: admin.workspaceId, role: "admin", active: true, id: { not: userId } },
    select: { id: true, name: true },
  });
  const actor = { id: admin.id, name: admin.name };
  const changes: ConversationChange[] = [];
  for (const channel of owned) {
    const handover = byChannel.get(channel.id);
    const context = { workspaceId: admin.workspaceId, channel, actorUserId: admin.id, kind: "handed_over" as const };
    if (handover?.to === "admin") {
      const target = admins.find((candidate) => candidate.id === handover.adminId);
      if (!target) throw new AppError("invalid_input", "Hand the page to an active admin of the workspace.", { reason: "handover_admin_invalid" });
      changes.push(...(await handChannelTo(tx, { ...context, to: target })));
    } else if (handover?.to === "rule") {
      const rule = locked.find((candidate) => candidate.id === handover.ruleId && candidate.workspaceId === admin.workspaceId);
      if (!rule) throw new AppError("not_found", "No such rule in this workspace.");
      // Shared from now on, so owned by the admin who decided it; the rule's staff answer it.
      changes.push(...(await handChannelTo(tx, { ...context, channel: { ...channel, chatMode: "shared" }, to: actor })));
      changes.push(...(await attachRuleSources(tx, rule, [channel.id], admin.id)));
    } else {
      changes.push(...(await handChannelTo(tx, { ...context, to: actor })));
    }
  }
  return { changes, channelIds: owned.map((channel) => channel.id) };
}
