// Tells whoever sees one of the customer's conversations that their card changed, so an open card
// shows the new phone, address and notes without a reload. After the write: the card is committed.
import { db } from "@/lib/db";
import { publish } from "@/lib/realtime/io";
import { audienceOf, audienceSelect, claimersOf } from "@/lib/inbox/conversation-audience";
import type { CustomerCard } from "@/lib/contacts/customer-card-input";

export async function publishCustomerCard(card: CustomerCard): Promise<void> {
  const conversations = await db().conversation.findMany({ where: { contactId: card.contactId }, select: audienceSelect });
  const claimers = await claimersOf(db(), conversations);
  const rooms = [...new Set(conversations.flatMap((conversation) => audienceOf(conversation, claimers)))];
  const { contactId, phone, address, notes } = card;
  publish([{ rooms, event: "customer:updated", payload: { contactId, phone, address, notes } }]);
}
