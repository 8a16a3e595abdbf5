// First messages of a claimed batch — a new customer, or a known one without a conversation on the
// channel — stored together in one transaction: the missing contacts in one statement, the
// conversations in one, the messages in one, then routed with each rule locked once
// (route-new-conversations.ts). One at a time, each took a transaction of a dozen statements that
// waited for its rule's lock behind the others (issue 18).
// Profiles are read from the platform before the transaction, side by side. A row another worker
// created meanwhile (a conflict skipped it) leaves its message out: the per-event path then finds
// that row and does what an existing customer needs.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { routeNewConversations } from "@/lib/assignment/route-new-conversations";
import { completeLookup, type ContactLookup, type StoredContact } from "@/lib/inbox/receive-contact";
import { insertIntoConversationsCtes, messageInputCte, type BatchedMessage } from "@/lib/inbox/inbound-message-sql";

export interface FirstMessage extends BatchedMessage {
  /** What the batch's first statement found: no contact, or a contact with a fresh profile and no conversation. */
  found: StoredContact | null;
}

export interface StoredFirstMessages {
  /**
   * Per message, in the order given: the message stored (none: it was stored before), or undefined
   * when it was left to the per-event path.
   */
  messageIds: Array<string[] | undefined>;
  conversationIds: string[];
}

/** How many platform profiles are read at the same time. */
const PROFILE_READS_AT_ONCE = 8;

const customerKey = (channelId: string, platformUserId: string) => `${channelId}|${platformUserId}`;
const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export async function storeNewConversations(messages: FirstMessage[]): Promise<StoredFirstMessages> {
  if (messages.length === 0) return { messageIds: [], conversationIds: [] };
  const lookups = await lookUpAll(messages);
  return db().$transaction(
    async (tx) => {
      // Rows go in in key order, as two workers whose batches share customers then wait for each
      // other on the unique keys instead of deadlocking.
      const created = await tx.contact.createManyAndReturn({
        data: messages
          .flatMap(({ channel, event }, index) => {
            const { contactId, profile } = lookups[index]!;
            return contactId ? [] : [{ channelId: channel.id, platformUserId: event.contactPlatformId, ...profileColumns(profile) }];
          })
          .sort(byKey((contact) => customerKey(contact.channelId, contact.platformUserId))),
        skipDuplicates: true,
        select: { id: true, channelId: true, platformUserId: true },
      });
      const contactIds = new Map(created.map((contact) => [customerKey(contact.channelId, contact.platformUserId), contact.id]));
      messages.forEach(({ channel, event }, index) => {
        const { contactId } = lookups[index]!;
        if (contactId) contactIds.set(customerKey(channel.id, event.contactPlatformId), contactId);
      });

      const withContact = messages.filter(({ channel, event }) => contactIds.has(customerKey(channel.id, event.contactPlatformId)));
      const conversations = await tx.conversation.createManyAndReturn({
        data: withContact
          .map(({ channel, event }) => ({
            workspaceId: channel.workspaceId,
            channelId: channel.id,
            contactId: contactIds.get(customerKey(channel.id, event.contactPlatformId))!,
            lastMessageAt: event.at,
          }))
          .sort(byKey((conversation) => `${conversation.channelId}|${conversation.contactId}`)),
        skipDuplicates: true,
        select: { id: true, contactId: true },
      });
      const conversationOfContact = new Map(conversations.map((conversation) => [conversation.contactId, conversation.id]));
      const stored = withContact.flatMap((message) => {
        const conversationId = conversationOfContact.get(contactIds.get(customerKey(message.channel.id, message.event.contactPlatformId))!);
        return conversationId ? [{ message, conversationId }] : [];
      });
      if (stored.length === 0) return { messageIds: [], conversationIds: [] };

      const rows = await tx.$queryRaw<Array<{ ord: number; messageId: string }>>`
        WITH ${messageInputCte(stored.map(({ message }) => message))},
        target (ord, id) AS (VALUES ${Prisma.join(stored.map(({ conversationId }, ord) => Prisma.sql`(${ord}::int, ${conversationId})`))}),
        ${insertIntoConversationsCtes("target")}
        SELECT target.ord, inserted.id AS "messageId" FROM inserted JOIN target ON target.id = inserted."conversationId"`;
      await routeNewConversations(tx, stored.map(({ conversationId }) => conversationId));
      const inserted = new Map(rows.map(({ ord, messageId }) => [stored[ord]!.message, messageId]));
      const storedMessages = new Set(stored.map(({ message }) => message));
      return {
        messageIds: messages.map((message) => (storedMessages.has(message) ? (inserted.has(message) ? [inserted.get(message)!] : []) : undefined)),
        conversationIds: stored.map(({ conversationId }) => conversationId),
      };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** A profile the platform could not give leaves the contact nameless; its next message asks again. */
function profileColumns(profile: ContactLookup["profile"]) {
  return { name: profile?.name ?? null, avatarUrl: profile?.avatarUrl ?? null, profileFetchedAt: profile ? new Date() : null };
}

/** Each message's lookup, reading the platform's profile of customers who have no contact yet. */
async function lookUpAll(messages: FirstMessage[]): Promise<ContactLookup[]> {
  const lookups: ContactLookup[] = new Array(messages.length);
  let next = 0;
  const reader = async () => {
    for (let index = next++; index < messages.length; index = next++) {
      const { channel, event, found } = messages[index]!;
      lookups[index] = await completeLookup(channel, event.contactPlatformId, found);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROFILE_READS_AT_ONCE, messages.length) }, reader));
  return lookups;
}
