// Replies that waited for their channel ("Chờ kết nối lại": the token died before they went out)
// are queued again once the channel is reconnected. Each is judged again when it is sent, so one
// whose reply window closed meanwhile fails with the window as its reason instead of going out.
import { db } from "@/lib/db";
import { enqueueReplyDelivery, wakeReplyWorkers } from "@/lib/inbox/reply-delivery-queue";

export async function resumeWaitingReplies(channelId: string): Promise<number> {
  const queued = await db().$transaction(async (tx) => {
    const waiting = await tx.message.findMany({
      where: { channelId, direction: "outbound", status: "pending" },
      select: { id: true },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    });
    for (const { id } of waiting) await enqueueReplyDelivery(tx, id);
    return waiting.length;
  });
  if (queued > 0) wakeReplyWorkers();
  return queued;
}
