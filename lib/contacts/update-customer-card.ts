// An agent fills in the customer card (phone, address, notes) of a conversation she may see. The
// card belongs to the customer (Contact), so every conversation of theirs shows the change; whoever
// sees one of them hears of it live.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { customerCardChanges, customerCardPatchSchema, type CustomerCard, type CustomerCardPatch } from "@/lib/contacts/customer-card-input";
import { contactCardSelect, toCustomerCard, visibleCardRow } from "@/lib/contacts/get-customer-card";
import { publishCustomerCard } from "@/lib/contacts/publish-customer-card";

export async function updateCustomerCard(user: SessionUser, conversationId: string, patch: CustomerCardPatch): Promise<CustomerCard> {
  const changes = customerCardChanges(customerCardPatchSchema.parse(patch));
  const row = await visibleCardRow(user, conversationId);
  if (Object.keys(changes).length === 0) return toCustomerCard(row);
  const contact = await db().contact.update({ where: { id: row.contact.id }, data: changes, select: contactCardSelect });
  const card = await toCustomerCard({ ...row, contact });
  await publishCustomerCard(card);
  return card;
}
