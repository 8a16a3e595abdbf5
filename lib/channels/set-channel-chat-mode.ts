// Applies the chat-permission choice for a channel. "Only me": whoever chooses it receives every new
// conversation and the page leaves any rule. Shared: the page is a source of the chosen rule (a page
// is in at most one rule, so it moves there; a rule just created with the page already has it); the
// rules feature does the routing work and marks the page shared. Staff share the pages they
// connected only through rules they belong to, or ask admins for a new rule ("request_rule"): the
// page then stays in their own inbox until an admin creates it. Then the page's history sync starts
// (or resumes): this is the one place that settles a page after connecting.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { detachRuleSources } from "@/lib/assignment/detach-rule-sources";
import { lockRule } from "@/lib/assignment/lock-rows";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { attachSourceToRule } from "@/lib/assignment/save-rule";
import type { ParsedChatModeChoice } from "@/lib/channels/chat-mode-schema";
import { findManagedChannel, type ManagedChannel } from "@/lib/channels/channel-access-scope";
import { handChannelTo } from "@/lib/channels/hand-channel-to";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";
import { resumeHistorySyncSafely } from "@/lib/channels/resume-history-sync-safely";

export async function setChannelChatMode(actor: SessionUser, channelId: string, choice: ParsedChatModeChoice): Promise<void> {
  const channel = await findManagedChannel(actor, channelId);
  if (channel.status === "disconnected") throw new AppError("conflict", "Reconnect the page first.", { reason: "channel_disconnected" });
  assertMaySettle(actor, channel);

  if (choice.mode === "shared") {
    // Audited, and any request for a rule cleared, where every page joins a rule (attach-rule-sources.ts).
    await attachSourceToRule(actor, choice.ruleId, channelId, { moveSource: true, memberOnly: actor.role !== "admin" });
  } else {
    if (choice.mode === "request_rule" && actor.role === "admin") {
      throw new AppError("invalid_input", "Admins create the rule themselves.", { reason: "admin_creates_rules" });
    }
    await makeOnlyMe(actor, channel, choice.mode === "request_rule");
  }
  publishChannelUpdate(actor.workspaceId, channelId);
  // The page's old conversations are imported once its chat permission is settled: the sync's
  // policy depends on it (lib/history-sync/start-history-sync.ts).
  await resumeHistorySyncSafely(channelId);
}

/**
 * Another admin's "Chỉ mình tôi" page is theirs: nobody else makes it his own or shares its
 * conversations with a rule's staff by changing its chat permission (403); an admin who must do so
 * takes it over first ("Tiếp quản", take-over-channel.ts), deliberately and audited. A staff member's
 * page is the workspace admins' to settle (audited, the staff member is told). Once the owner's
 * account is locked, any admin may settle the page again, so it does not stay without anyone who can
 * answer its customers.
 */
function assertMaySettle(actor: SessionUser, channel: ManagedChannel): void {
  const owner = channel.connectedBy;
  if (channel.chatMode !== "only_me" || owner.id === actor.id || !owner.active || owner.role !== "admin") return;
  throw new AppError("forbidden", `This page is ${owner.name}'s ("only me"); only ${owner.name} can change who chats on it.`, {
    reason: "only_me_other_admin",
    name: owner.name,
  });
}

/**
 * The page leaves its rule and comes to the actor alone (with the conversations a previous owner
 * still held there, hand-channel-to.ts); `ruleRequested` notes the staff member's request.
 */
async function makeOnlyMe(actor: SessionUser, channel: ManagedChannel, ruleRequested: boolean): Promise<void> {
  const changes = await db().$transaction(async (tx) => {
    const source = await tx.ruleSource.findUnique({ where: { channelId: channel.id }, select: { ruleId: true } });
    const detached = source && (await lockRule(tx, source.ruleId))
      ? await detachRuleSources(tx, {
          ruleId: source.ruleId,
          channelIds: [channel.id],
          reason: assignmentReasons.sourceRemoved,
          actorUserId: actor.id,
        })
      : [];
    const handed = await handChannelTo(tx, {
      workspaceId: actor.workspaceId,
      channel: { id: channel.id, chatMode: channel.chatMode, connectedById: channel.connectedBy.id },
      to: { id: actor.id, name: actor.name },
      actorUserId: actor.id,
      kind: "made_only_me",
    });
    await tx.channel.update({
      where: { id: channel.id },
      data: { chatMode: "only_me", ruleRequestedById: ruleRequested ? actor.id : null, ruleRequestedAt: ruleRequested ? new Date() : null },
    });
    return [...detached, ...handed];
  });
  await publishAssignmentChanges(changes);
}
