// Applies the chat-permission choice for a channel. "Only me": the admin who chooses it receives
// every new conversation and the page leaves any rule. Shared: the page is a source of the chosen
// rule (a page is in at most one rule, so it moves there; a rule just created with the page already
// has it); the rules feature does the routing work and marks the page shared. Then the page's
// history sync starts (or resumes): this is the one place that settles a page after connecting.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { detachRuleSources } from "@/lib/assignment/detach-rule-sources";
import { lockRule } from "@/lib/assignment/lock-rows";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { addSourceToRule } from "@/lib/assignment/save-rule";
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
  // The admin chose this rule for this very page, which confirms moving it out of an older rule.
  else await addSourceToRule(admin, choice.ruleId, channelId, { moveSource: true });
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
