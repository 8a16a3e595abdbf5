// A customer's reaction on a message (react/unreact). Each person has at most one reaction per
// message; the newest event by platform time wins, so replays and out-of-order retries settle on the
// same state. An unreact is kept as a "removed" row so an older react arriving later cannot revive it.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";
import type { ReactionEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";
import type { ReceiveResult } from "@/lib/inbox/receive-message";

export async function receiveReaction(channel: ReceivingChannel, event: ReactionEvent): Promise<ReceiveResult> {
  const message = await db().message.findUnique({
    where: { channelId_platformMessageId: { channelId: channel.id, platformMessageId: event.platformMessageId } },
    select: { id: true },
  });
  if (!message) {
    logger.info("Reaction on a message we do not have; skipped", { channelId: channel.id, platformMessageId: event.platformMessageId });
    return { messageIds: [] };
  }
  const removed = event.action === "unreact";
  // A changed reaction changes the message as the thread shows it: its updatedAt moves too, so a
  // browser holding an older copy of the message takes this one (thread-messages.ts).
  const changed = await db().$queryRaw<{ id: string }[]>`
    WITH reaction AS (
      INSERT INTO "MessageReaction" (id, "messageId", "actorPlatformId", reaction, emoji, removed, "eventAt", "createdAt")
      VALUES (${randomUUID()}, ${message.id}, ${event.contactPlatformId}, ${event.reaction}, ${event.emoji}, ${removed},
              ${utcTimestamp(event.at)}, (now() AT TIME ZONE 'UTC'))
      ON CONFLICT ("messageId", "actorPlatformId") DO UPDATE
        SET reaction = EXCLUDED.reaction, emoji = EXCLUDED.emoji, removed = EXCLUDED.removed, "eventAt" = EXCLUDED."eventAt"
        WHERE "MessageReaction"."eventAt" < EXCLUDED."eventAt"
      RETURNING id
    )
    UPDATE "Message" SET "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE id = ${message.id} AND EXISTS (SELECT 1 FROM reaction)
    RETURNING id`;
  return { messageIds: changed.length > 0 ? [message.id] : [] };
}
