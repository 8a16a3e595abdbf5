// Every server → client Socket.io event, with its payload schema. Emitters and the browser both use
// these names and types, so a renamed field fails to compile instead of failing silently.
import { z } from "zod";
import { conversationSummarySchema, messageDtoSchema } from "@/lib/inbox/inbox-dto";
import { historySyncViewSchema } from "@/lib/history-sync/history-sync-view";

export const serverEvents = {
  /** Sent by tests and health checks to prove a user's room receives events. */
  "system:ping": z.object({ at: z.string() }),
  /** A conversation appeared or changed for this audience (new message, assignment, unread...). */
  "conversation:upsert": z.object({ conversation: conversationSummarySchema }),
  /** This audience may no longer see the conversation (claimed by someone else, reassigned...). */
  "conversation:removed": z.object({
    conversationId: z.string(),
    reason: z.enum(["claimed", "reassigned", "unassigned", "access_changed"]),
    byName: z.string().nullable(),
  }),
  /** A message was created or its status/reactions changed. */
  "message:upsert": z.object({ message: messageDtoSchema }),
  "typing": z.object({ conversationId: z.string(), userId: z.string(), name: z.string() }),
  /** A colleague mentioned this user (@Tên) in a private note; to the mentioned user only. */
  "note:mentioned": z.object({
    conversationId: z.string(),
    messageId: z.string(),
    author: z.object({ id: z.string(), name: z.string() }),
    customerName: z.string().nullable(),
    excerpt: z.string(),
  }),
  /** A channel was connected, reconnected, disconnected or turned "needs reconnect"; to its workspace. */
  "channel:updated": z.object({ channelId: z.string() }),
  /** Someone switched between "Sẵn sàng nhận chat" and "Tạm vắng" (or auto-away did); to them and admins. */
  "availability:changed": z.object({ userId: z.string(), availability: z.enum(["available", "away"]) }),
  /** This process could not hear the others for a while: events may be missing, fetch what changed. */
  "realtime:resync": z.object({}),
  /** A page's history sync moved on (a page imported, paused, done, policy applied); to admins. */
  "history-sync:progress": z.object({ sync: historySyncViewSchema }),
  /** A customer card's phone, address or notes changed; to whoever sees one of the customer's conversations. */
  "customer:updated": z.object({ contactId: z.string(), phone: z.string().nullable(), address: z.string().nullable(), notes: z.string().nullable() }),
  /**
   * The workspace's labels changed (created, renamed, recoloured, deleted) or one was put on or taken off
   * a conversation: each browser asks again for the labels and its own counts. To the workspace.
   */
  "labels:changed": z.object({}),
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;
