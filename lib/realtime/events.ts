// Every server → client Socket.io event, with its payload schema. Emitters and the browser both use
// these names and types, so a renamed field fails to compile instead of failing silently.
import { z } from "zod";

export const serverEvents = {
  /** Sent by tests and health checks to prove a user's room receives events. */
  "system:ping": z.object({ at: z.string() }),
  "message:created": z.object({ conversationId: z.string(), messageId: z.string(), cursor: z.string() }),
  "message:updated": z.object({ conversationId: z.string(), messageId: z.string(), cursor: z.string() }),
  "conversation:updated": z.object({ conversationId: z.string(), cursor: z.string() }),
  "conversation:removed": z.object({ conversationId: z.string(), reason: z.string() }),
  "typing": z.object({ conversationId: z.string(), userId: z.string(), name: z.string() }),
  "channel:updated": z.object({ channelId: z.string() }),
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;
