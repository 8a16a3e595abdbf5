// Routes the conversations one transaction has just created for a batch of first messages (the
// webhook processor, store-new-conversations.ts) as routeNewConversation routes each, but with each
// rule locked once for all its conversations instead of once per conversation: a distributing
// rule gives them out in order in three statements, a self-claim rule queues them in one.
// Everything else — "only me" channels, channels in no rule, conversations nobody can take, a
// channel moved to another rule meanwhile — goes through routeNewConversation one by one, which
// records why a conversation waits.
import type { Tx } from "@/lib/db";
import { assignNewConversationsInLockedRule } from "@/lib/assignment/assign-round-robin";
import { lockRules } from "@/lib/assignment/lock-rows";
import { routeNewConversation } from "@/lib/assignment/route-new-conversation";

/** `conversationIds` in the order they should be given out. */
export async function routeNewConversations(tx: Tx, conversationIds: string[]): Promise<void> {
  const conversations = await tx.conversation.findMany({
    where: { id: { in: conversationIds } },
    select: { id: true, channelId: true, channel: { select: { chatMode: true, ruleSource: { select: { ruleId: true } } } } },
  });
  const channelOf = new Map(conversations.map((conversation) => [conversation.id, conversation.channelId]));
  const ruleBefore = new Map(
    conversations.filter(({ channel }) => channel.chatMode === "shared" && channel.ruleSource).map(({ id, channel }) => [id, channel.ruleSource!.ruleId]),
  );

  const oneByOne = conversationIds.filter((id) => !ruleBefore.has(id));
  const rules = await lockRules(tx, ruleBefore.values());
  // Read again under the locks: an admin may have moved a page to another rule meanwhile.
  const sources = await tx.ruleSource.findMany({ where: { channelId: { in: [...new Set(channelOf.values())] } }, select: { channelId: true, ruleId: true } });
  const ruleNow = new Map(sources.map((source) => [source.channelId, source.ruleId]));
  const lockedIds = new Set(rules.map((rule) => rule.id));
  for (const [id, ruleId] of ruleBefore) {
    if (!lockedIds.has(ruleId) || ruleNow.get(channelOf.get(id)!) !== ruleId) oneByOne.push(id);
  }

  for (const rule of rules) {
    const ids = conversationIds.filter((id) => ruleBefore.get(id) === rule.id && ruleNow.get(channelOf.get(id)!) === rule.id);
    if (ids.length === 0) continue;
    if (rule.method === "self_claim") {
      await tx.conversation.updateMany({ where: { id: { in: ids } }, data: { ruleId: rule.id, state: "awaiting_claim", assigneeId: null } });
    } else {
      oneByOne.push(...(await assignNewConversationsInLockedRule(tx, rule, ids)));
    }
  }
  for (const id of oneByOne) await routeNewConversation(tx, id);
}
