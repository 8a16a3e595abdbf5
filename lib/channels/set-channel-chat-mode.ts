// Applies the chat-permission choice for a channel. "Only me": the admin who chooses it receives
// every new conversation and the page leaves any rule; another admin's "only me" page is refused. Shared: the page is a source of the chosen
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
    select: { id: true, status: true, chatMode: true, connectedBy: { select: { id: true, name: true, active: true } } },
  });
  if (!channel) throw new AppError("not_found", "This channel does not exist.");
  if (channel.status === "disconnected") throw new AppError("conflict", "Reconnect the page first.", { reason: "channel_disconnected" });
  assertMaySettle(admin, channel);

  if (choice.mode === "only_me") await makeOnlyMe(admin, channelId);
  // The admin chose this rule for this very page, which confirms moving it out of an older rule.
  else await addSourceToRule(admin, choice.ruleId, channelId, { moveSource: true });
  publishChannelUpdate(admin.workspaceId, channelId);
  // The page's old conversations are imported once its chat permission is settled: the sync's
  // policy depends on it (lib/history-sync/start-history-sync.ts).
  await resumeHistorySyncSafely(channelId);
}

/**
 * Another admin's "Chỉ mình tôi" page is theirs: nobody else makes it his own or shares its
 * conversations with a rule's staff here (403). Taking a page over deliberately, and audited,
 * belongs to the page-admins feature. Once its owner's account is locked, any admin may settle the
 * page again, so it does not stay without anyone who can answer its customers.
 */
function assertMaySettle(
  admin: SessionUser,
  channel: { chatMode: "only_me" | "shared"; connectedBy: { id: string; name: string; active: boolean } },
): void {
  const owner = channel.connectedBy;
  if (channel.chatMode !== "only_me" || owner.id === admin.id || !owner.active) return;
  throw new AppError("forbidden", `This page is ${owner.name}'s ("only me"); only ${owner.name} can change who chats on it.`, {
    reason: "only_me_other_admin",
    name: owner.name,
  });
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
