// The customer card of a conversation, for whoever may see the conversation (404 for anyone else,
// so ids of other people's customers are not confirmed to exist).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import type { CustomerCard, CustomerCardView } from "@/lib/contacts/customer-card-input";
import { detectedPhones } from "@/lib/contacts/detected-phones";

export const contactCardSelect = { id: true, name: true, createdAt: true, phone: true, address: true, notes: true } satisfies Prisma.ContactSelect;

const customerCardSelect = {
  id: true,
  channel: { select: { id: true, name: true, platform: true } },
  contact: { select: contactCardSelect },
} satisfies Prisma.ConversationSelect;

type CardRow = Prisma.ConversationGetPayload<{ select: typeof customerCardSelect }>;

/** The conversation's card as stored, if the user may see the conversation; 404 otherwise. */
export async function visibleCardRow(user: SessionUser, conversationId: string): Promise<CardRow> {
  const row = await db().conversation.findFirst({ where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] }, select: customerCardSelect });
  if (!row) throw new AppError("not_found", "This conversation does not exist or is not yours to see.");
  return row;
}

export async function getCustomerCard(user: SessionUser, conversationId: string): Promise<CustomerCardView> {
  const row = await visibleCardRow(user, conversationId);
  const [card, phones] = await Promise.all([toCustomerCard(row), detectedPhones(conversationId)]);
  return { card, detectedPhones: phones };
}

export async function toCustomerCard({ id, channel, contact }: CardRow): Promise<CustomerCard> {
  // Private notes are the staff's, not a message with the customer.
  const first = await db().message.findFirst({
    where: { conversationId: id, direction: { in: ["inbound", "outbound"] } },
    orderBy: [{ sentAt: "asc" }, { id: "desc" }],
    select: { sentAt: true },
  });
  return {
    contactId: contact.id,
    name: contact.name,
    platform: channel.platform,
    channel: { id: channel.id, name: channel.name },
    customerSince: contact.createdAt.toISOString(),
    firstMessageAt: first?.sentAt.toISOString() ?? null,
    phone: contact.phone,
    address: contact.address,
    notes: contact.notes,
  };
}
