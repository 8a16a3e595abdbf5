// One thread of a platform's history as the import stores it: the customer and the messages with
// their direction, or why the thread was skipped. Each platform's history reader produces these.
import type { StoredAttachment } from "@/lib/inbox/inbound-event";

/** Why a thread was not imported; shown in the sync summary (historySync.skipReasons.*). */
export type SkipReason = "malformed" | "no_customer" | "unknown_sender";

export interface SyncedMessage {
  platformMessageId: string;
  direction: "inbound" | "outbound";
  text: string | null;
  attachments: StoredAttachment[];
  at: Date;
}

export interface SyncedThread {
  threadId: string;
  /** The thread's last activity. */
  updatedAt: Date;
  /** The customer's id on the platform (Contact.platformUserId). */
  customer: { platformUserId: string; name: string | null };
  /** Oldest first. */
  messages: SyncedMessage[];
}

export type ParsedThread =
  | { ok: true; thread: SyncedThread }
  | { ok: false; threadId: string; reason: SkipReason; detail: string };
