// Applies the chat-permission choice for a channel. "Only me": the admin who chooses it receives
// every new conversation and the page leaves any rule. Shared: the page becomes a source of a new
// rule or of an existing one (a page is in at most one rule, so it moves there); the rules feature
// does the routing work and marks the page shared. Then the page's history sync starts (or resumes).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { detachRuleSources } from "@/lib/assignment/detach-rule-sources";
import { lockRule } from "@/lib/assignment/lock-rows";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { addSourceToRule, createRule } from "@/lib/assignment/save-rule";
import type { ParsedChatModeChoice } from "@/lib/channels/chat-mode-schema";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";
import { resumeHistorySyncSafely } from "@/lib/channels/resume-history-sync-safely";

export async function setChannelChatMode(admin: SessionUser, channelId: string, choice: ParsedChatModeChoice): Promise<void> {
  const channel = await db().channel.findFirst({
    where: { id: channelId, workspaceId: admin.workspaceId },
    select: { id: true, status: true },
  });
  if (!channel) throw new AppError("not_found", "This channel does not exist.");
  if (channel.status === "disconnected") throw new AppError("conflict", "Reconnect the page first.", { reason: "channel_disconnected" });

  if (choice.mode === "only_me") await makeOnlyMe(admin, channelId);
  else if (choice.mode === "new_rule") {
    // The page being connected is a source of the new rule whatever else the form picked; the admin
    // chose this page here, so it moves even if an older rule still held it.
    const sourceChannelIds = [channelId, ...choice.rule.sourceChannelIds.filter((id) => id !== channelId)];
    await createRule(admin, { ...choice.rule, sourceChannelIds, moveSources: true });
  } else {
    await addSourceToRule(admin, choice.ruleId, channelId, { moveSource: true });
  }
  publishChannelUpdate(admin.workspaceId, channelId);
  // The page's old conversations are imported once its chat permission is settled: the sync's
  // policy depends on it (lib/history-sync/start-history-sync.ts).
  await resumeHistorySyncSafely(channelId);
}

async function makeOnlyMe(admin: SessionUser, channelId: string): Promise<void> {
  const changes = await db().$transaction(async (tx) => {
    const source = await tx.ruleSource.findUnique({ where: { channelId }, select: { ruleId: true } });
    const detached = source && (await lockRule(tx, source.ruleId))
      ? await detachRuleSources(tx, {
          ruleId: source.ruleId,
          channelIds: [channelId],
          reason: assignmentReasons.sourceRemoved,
          actorUserId: admin.id,
        })
      : [];
    await tx.channel.update({ where: { id: channelId }, data: { chatMode: "only_me", connectedById: admin.id } });
    return detached;
  });
  await publishAssignmentChanges(changes);
}
