// Replies that wait for their channel's reconnect ("Chờ kết nối lại") cannot wait past the platform's
// reply window: once it has closed they fail with the window as their reason, reconnect or not, so
// the agent is not left looking at a reply that can never go out. Run with the channel check rounds.
import { db } from "@/lib/db";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";
import { failReply } from "@/lib/inbox/fail-reply";

export async function failExpiredWaitingReplies(now = new Date()): Promise<number> {
  const waiting = await db().message.findMany({
    where: { direction: "outbound", status: "pending", channel: { status: "needs_reconnect" } },
    select: { id: true, conversation: { select: { lastInboundAt: true, repliesSinceInbound: true, channel: { select: { platform: true } } } } },
  });
  let failed = 0;
  for (const { id, conversation } of waiting) {
    const provider = providerOf(conversation.channel.platform);
    if (replyWindowAt(provider.replyWindow(conversation), now).state !== "closed") continue;
    if (await failReply(provider, id, "window_closed")) failed += 1;
  }
  return failed;
}
