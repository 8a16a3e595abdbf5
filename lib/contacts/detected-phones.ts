// The phone numbers a customer wrote in one conversation, offered on the card as "Lưu số này". Only
// the customer's own messages count: a number an agent sent (the shop's hotline) is not theirs.
import { db } from "@/lib/db";
import { detectPhoneNumbers } from "@/lib/contacts/phone-number";
import { DETECTED_PHONES_MAX } from "@/lib/contacts/customer-card-limits";
/** The newest messages with digits in them that are read; a number older than these is not offered. */
const MESSAGES_READ = 200;

export async function detectedPhones(conversationId: string): Promise<string[]> {
  // PostgreSQL keeps only messages with a run of 9+ digits and separators (the shape of any number
  // detectPhoneNumbers accepts), so a long conversation's chatter is never sent over the wire.
  const rows = await db().$queryRaw<{ text: string }[]>`
    SELECT "text" FROM "Message"
    WHERE "conversationId" = ${conversationId} AND "direction" = 'inbound' AND "text" ~ '\\d[-\\d .()]{7,}\\d'
    ORDER BY "sentAt" DESC, "id" DESC
    LIMIT ${MESSAGES_READ}`;
  const found: string[] = [];
  for (const { text } of rows) {
    for (const phone of detectPhoneNumbers(text)) {
      if (!found.includes(phone)) found.push(phone);
      if (found.length === DETECTED_PHONES_MAX) return found;
    }
  }
  return found;
}
