// The customer card ("Thông tin khách hàng") as the browser receives it, and what an agent may change
// on it: the phone number (checked and stored canonical), the delivery address and free-text notes,
// each length-capped with the limit named (customer-card-limits.ts, which the browser's card reads).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { Platform } from "@/lib/generated/prisma/enums";
import { PHONE_FORMAT_EXAMPLES, parsePhoneNumber } from "@/lib/contacts/phone-number";
import { ADDRESS_MAX_LENGTH, CUSTOMER_NOTES_MAX_LENGTH } from "@/lib/contacts/customer-card-limits";

export const customerCardSchema = z.object({
  contactId: z.string(),
  name: z.string().nullable(),
  platform: z.enum(Platform),
  channel: z.object({ id: z.string(), name: z.string() }),
  /** When the customer first appeared to the shop (the contact row). */
  customerSince: z.string(),
  /** The conversation's first message, synced history included; null for an empty conversation. */
  firstMessageAt: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CustomerCard = z.infer<typeof customerCardSchema>;

/** The card and the numbers found in what the customer wrote in this conversation, newest first. */
export interface CustomerCardView {
  card: CustomerCard;
  detectedPhones: string[];
}

// Loose on purpose: customerCardChanges names the limit a field passes, which zod's max cannot.
// Absent leaves a field as it is; null or "" empties it.
const editableText = z.string().max(100_000).nullable().optional();
export const customerCardPatchSchema = z.object({ phone: editableText, address: editableText, notes: editableText });
export type CustomerCardPatch = z.input<typeof customerCardPatchSchema>;

export type CustomerCardChanges = Partial<Record<"phone" | "address" | "notes", string | null>>;

/** The columns a patch writes, checked; refuses the whole patch (nothing changes) on the first bad field. */
export function customerCardChanges(patch: CustomerCardPatch): CustomerCardChanges {
  const changes: CustomerCardChanges = {};
  if (patch.phone !== undefined) changes.phone = phoneOf(patch.phone);
  if (patch.address !== undefined) changes.address = cappedText("address", patch.address, ADDRESS_MAX_LENGTH);
  if (patch.notes !== undefined) changes.notes = cappedText("notes", patch.notes, CUSTOMER_NOTES_MAX_LENGTH);
  return changes;
}

function phoneOf(typed: string | null): string | null {
  if (typed === null || typed.trim() === "") return null;
  const phone = parsePhoneNumber(typed);
  if (phone) return phone;
  const format = PHONE_FORMAT_EXAMPLES.join(", ");
  throw new AppError(
    "invalid_input",
    `"${typed.trim().slice(0, 40)}" is not a Vietnamese phone number. Write it as ${format}: 10 digits starting with 03, 05, 07, 08 or 09, or 11 digits starting with 02 for a landline.`,
    { reason: "phone_invalid", format },
    { phone: ["phone_invalid"] },
  );
}

function cappedText(field: "address" | "notes", raw: string | null, limit: number): string | null {
  const text = raw?.trim() ?? "";
  // PostgreSQL cannot store U+0000 in text; nobody types it.
  if (text.includes("\u0000")) throw new AppError("invalid_input", `The ${field} contains a character that cannot be stored.`, { reason: "invalid_character" }, { [field]: ["invalid_character"] });
  if (text.length > limit) {
    throw new AppError(
      "invalid_input",
      `The ${field} can be at most ${limit} characters long; this one has ${text.length}.`,
      { reason: `${field}_too_long`, limit, length: text.length },
      { [field]: [`${field}_too_long`] },
    );
  }
  return text === "" ? null : text;
}
