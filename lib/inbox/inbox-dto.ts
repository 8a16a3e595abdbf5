// The shapes the browser receives for conversations and messages (API responses and socket
// events alike), and the Prisma selections that produce them.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReplyWindowScheduleJson } from "@/lib/channels/reply-window";
import { MessageDirection, Platform } from "@/lib/generated/prisma/enums";
import { labelSchema } from "@/lib/labels/label-input";

export const attachmentSchema = z.object({
  type: z.enum(["image", "video", "audio", "file", "sticker", "fallback", "location"]),
  url: z.string().nullable(),
  name: z.string().nullish(),
  title: z.string().nullish(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const conversationSummarySchema = z.object({
  id: z.string(),
  channel: z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable(), platform: z.enum(Platform) }),
  contact: z.object({ id: z.string(), name: z.string().nullable(), avatarUrl: z.string().nullable() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  ruleId: z.string().nullable(),
  state: z.enum(["unassigned", "awaiting_claim", "assigned", "closed"]),
  origin: z.enum(["live", "synced"]),
  lastMessageAt: z.string(),
  lastInboundAt: z.string().nullable(),
  /** When the customer may be answered (lib/channels/reply-window.ts), from the platform's rule. */
  replyWindow: z.object({
    phases: z.array(
      z.object({
        state: z.enum(["open", "tagged"]),
        endsAt: z.string(),
        tag: z.string().nullable(),
        cost: z.enum(["free", "paid_quota"]),
        repliesAllowed: z.number().int().nullable(),
      }),
    ),
    repliesLeft: z.number().int().nullable(),
  }) satisfies z.ZodType<ReplyWindowScheduleJson>,
  lastMessagePreview: z.string().nullable(),
  unreadCount: z.number().int(),
  /** Its labels ("Nhãn"), in the order they were put on. */
  labels: z.array(labelSchema),
  /** Search results found by a message (search-conversations.ts): the newest such message, as an excerpt. */
  match: z.object({ messageId: z.string(), sentAt: z.string(), snippet: z.string() }).optional(),
  /** When the row last changed: the browser's catch-up cursor (list-changed-conversations.ts). */
  updatedAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** What a reply shows of the message it quotes: who wrote it and its text or first attachment's kind. */
export const quotedMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(MessageDirection),
  text: z.string().nullable(),
  attachmentType: attachmentSchema.shape.type.nullable(),
});
export type QuotedMessage = z.infer<typeof quotedMessageSchema>;

export const messageDtoSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** "note": a private note ("Ghi chú nội bộ") by an agent, never sent to the customer (lib/notes/add-note.ts). */
  direction: z.enum(MessageDirection),
  senderKind: z.enum(["contact", "agent", "page"]),
  sender: z.object({ id: z.string(), name: z.string() }).nullable(),
  text: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  quickReplyPayload: z.string().nullable(),
  postback: z.object({ title: z.string().nullish(), payload: z.string().nullish() }).nullable(),
  /** Set when the message quotes another: the platform's id of it. */
  replyToPlatformMessageId: z.string().nullable(),
  /** The quoted message as we have it; null for a quote of a message we never stored. */
  quoted: quotedMessageSchema.nullable(),
  status: z.enum(["pending", "sent", "delivered", "read", "failed"]),
  failureReason: z.string().nullable(),
  failureCode: z.string().nullable(),
  platformMessageId: z.string().nullable(),
  clientMessageId: z.string().nullable(),
  reactions: z.array(z.object({ actorPlatformId: z.string(), reaction: z.string(), emoji: z.string().nullable() })),
  /** The colleagues a note mentions (@Tên); empty for every other message. */
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  sentAt: z.string(),
  /** When the row last changed: of two copies of a message (a socket event, an API answer), the newer wins. */
  updatedAt: z.string(),
});
export type MessageDto = z.infer<typeof messageDtoSchema>;

export const conversationSummarySelect = {
  id: true,
  ruleId: true,
  state: true,
  origin: true,
  lastMessageAt: true,
  lastInboundAt: true,
  repliesSinceInbound: true,
  lastMessagePreview: true,
  unreadCount: true,
  updatedAt: true,
  channel: { select: { id: true, name: true, avatarUrl: true, platform: true } },
  contact: { select: { id: true, name: true, avatarUrl: true } },
  assignee: { select: { id: true, name: true } },
  // The one relation this adds to every publish (the webhook path's too): with relationJoins it is a
  // LATERAL subquery on the ConversationLabel primary key in the same statement, not another query.
  labels: { select: { label: { select: { id: true, name: true, color: true } } }, orderBy: [{ addedAt: "asc" }, { labelId: "asc" }] },
} satisfies Prisma.ConversationSelect;

export const messageDtoSelect = {
  id: true,
  conversationId: true,
  direction: true,
  senderKind: true,
  text: true,
  attachments: true,
  quickReplyPayload: true,
  postback: true,
  replyToPlatformMessageId: true,
  quotedMessage: { select: { id: true, direction: true, text: true, attachments: true } },
  status: true,
  failureReason: true,
  failureCode: true,
  platformMessageId: true,
  clientMessageId: true,
  sentAt: true,
  updatedAt: true,
  senderUser: { select: { id: true, name: true } },
  // Removed reactions stay as rows (receive-reaction.ts) so a late "react" cannot revive them.
  reactions: { where: { removed: false }, select: { actorPlatformId: true, reaction: true, emoji: true }, orderBy: { createdAt: "asc" } },
  // Only notes have mentions; with relationJoins this is a subquery on NoteMention's primary key in
  // the same statement, not another query.
  mentions: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.MessageSelect;

export type ConversationRow = Prisma.ConversationGetPayload<{ select: typeof conversationSummarySelect }>;
export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageDtoSelect }>;

// Built once: a zod schema compiles itself on first use, which costs more than the parse, and every
// published and listed message goes through these.
const attachmentsOrNone = z.array(attachmentSchema).catch([]);
const postbackOrNone = messageDtoSchema.shape.postback.catch(null);

export function toMessageDto(row: MessageRow): MessageDto {
  // Field by field rather than by rest and spread: V8 copies those through a slow generic path, and
  // every page of a thread maps 40 of these (docs/benchmarks.md, issue 18).
  const quoted = row.quotedMessage;
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    senderKind: row.senderKind,
    sender: row.senderUser,
    text: row.text,
    attachments: attachmentsOrNone.parse(row.attachments),
    quickReplyPayload: row.quickReplyPayload,
    postback: postbackOrNone.parse(row.postback ?? null),
    replyToPlatformMessageId: row.replyToPlatformMessageId,
    quoted: quoted && {
      id: quoted.id,
      direction: quoted.direction,
      text: quoted.text,
      attachmentType: attachmentsOrNone.parse(quoted.attachments)[0]?.type ?? null,
    },
    status: row.status,
    failureReason: row.failureReason,
    failureCode: row.failureCode,
    platformMessageId: row.platformMessageId,
    clientMessageId: row.clientMessageId,
    reactions: row.reactions,
    mentions: row.mentions.map((mention) => mention.user),
    sentAt: row.sentAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
