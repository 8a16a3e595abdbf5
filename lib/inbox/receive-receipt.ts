// Delivery and read receipts: the page's messages move forward only (sent → delivered → read), never
// back, so a late or replayed receipt with an older watermark changes nothing. Pending messages are
// left alone (the platform may not have them yet; their echo or send answer makes them "sent" and a
// later watermark covers them), and so are failed ones.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";
import type { DeliveryEvent, ReadEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";
import type { ReceiveResult } from "@/lib/inbox/receive-message";

async function conversationOf(channel: ReceivingChannel, contactPlatformId: string): Promise<string | null> {
  const contact = await db().contact.findUnique({
    where: { channelId_platformUserId: { channelId: channel.id, platformUserId: contactPlatformId } },
    select: { conversations: { where: { channelId: channel.id }, select: { id: true } } },
  });
  return contact?.conversations[0]?.id ?? null;
}

export async function receiveReceipt(channel: ReceivingChannel, event: DeliveryEvent | ReadEvent): Promise<ReceiveResult> {
  const conversationId = await conversationOf(channel, event.contactPlatformId);
  const mids = event.platformMessageIds;
  if (!conversationId && mids.length === 0) return { messageIds: [] };

  const target = event.kind === "delivery" ? "delivered" : "read";
  const from = event.kind === "delivery" ? ["sent"] : ["sent", "delivered"];
  const byWatermark = conversationId
    ? Prisma.sql`("conversationId" = ${conversationId} AND "sentAt" <= ${utcTimestamp(event.watermark)})`
    : Prisma.sql`FALSE`;
  const byMid = mids.length > 0 ? Prisma.sql`"platformMessageId" IN (${Prisma.join(mids)})` : Prisma.sql`FALSE`;
  // One statement: the row locks make concurrent receipts for the same messages serialise, and the
  // status condition is re-checked after each wait, so the furthest status always wins.
  const updated = await db().$queryRaw<{ id: string }[]>`
    UPDATE "Message" SET status = ${target}::"MessageStatus", "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "channelId" = ${channel.id} AND direction = 'outbound'
      AND status::text IN (${Prisma.join(from)})
      AND (${byWatermark} OR ${byMid})
    RETURNING id`;
  return { messageIds: updated.map((row) => row.id) };
}
