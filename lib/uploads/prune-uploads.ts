// Uploads nobody sent: an agent attached a file, then removed it or left the draft. Such files are
// deleted a day after upload; a file a reply uses (marked by markUploadsAttached, before the reply
// is stored) stays as long as the thread shows it, and so does a message template's file
// (markTemplateUploadsAttached: it is sent again and again, and stays after the template changes
// because the threads it was sent to show it). Either store (upload-store.ts) prunes its own.
import type { Tx } from "@/lib/db";
import type { StoredAttachment } from "@/lib/inbox/inbound-event";
import { uploadIdFromUrl } from "@/lib/uploads/upload-meta";
import { uploadStore } from "@/lib/uploads/upload-store";

export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** Marks our uploads among a reply's attachments as in use, in the reply's transaction. Idempotent. */
export async function markUploadsAttached(tx: Tx, attachments: readonly StoredAttachment[]): Promise<void> {
  const ids = attachments.map((attachment) => uploadIdFromUrl(attachment.url ?? "")).filter((id) => id !== null);
  await uploadStore().markAttached(tx, ids);
}

/** Marks a message template's files (upload ids) as in use, in the template's transaction. Idempotent. */
export async function markTemplateUploadsAttached(tx: Tx, uploadIds: readonly string[]): Promise<void> {
  await uploadStore().markAttached(tx, uploadIds);
}

/** Deletes abandoned uploads; returns how many. */
export function pruneAbandonedUploads(now = new Date()): Promise<number> {
  return uploadStore().pruneAbandoned(new Date(now.getTime() - ABANDONED_UPLOAD_MS));
}
