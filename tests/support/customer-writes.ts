// A known customer writes again in their conversation, through the webhook's receive path
// (receiveMessage), with the profile fresh so no Graph call is made.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import { receiveMessage } from "../../lib/inbox/receive-message";
import { receivingChannelSelect } from "../../lib/inbox/receiving-channel";

export async function customerWrites(conversationId: string, text = "Shop ơi, cho mình hỏi thêm"): Promise<void> {
  const conversation = await db().conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { channel: { select: receivingChannelSelect }, contact: { select: { id: true, platformUserId: true } } },
  });
  await db().contact.update({ where: { id: conversation.contact.id }, data: { profileFetchedAt: new Date() } });
  await receiveMessage(conversation.channel, {
    kind: "message",
    channelExternalId: conversation.channel.externalId,
    contactPlatformId: conversation.contact.platformUserId,
    platformMessageId: `m_${randomUUID()}`,
    at: new Date(),
    text,
    attachments: [],
    quickReplyPayload: null,
    replyToPlatformMessageId: null,
  });
}
