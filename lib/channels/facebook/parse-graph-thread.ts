// Turns one thread of Graph's Conversations API (docs/platforms/facebook.md, "History") into the flat shape the import
// stores: the customer, and the messages with their direction. Pure. A thread that does not fit is
// returned as a skip with a reason code, so one malformed thread never stops the sync.
import { z } from "zod";
import type { StoredAttachment } from "@/lib/inbox/inbound-event";
import type { ParsedThread, SyncedMessage } from "@/lib/history-sync/synced-thread";


const ID_MAX_LENGTH = 1000;
const id = z.union([z.string().min(1).max(ID_MAX_LENGTH), z.number()]).transform(String);

/** Graph times look like 2026-11-27T10:00:00+0000. */
const graphTime = z.string().transform((value, ctx) => {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    ctx.addIssue({ code: "custom", message: "not a time" });
    return z.NEVER;
  }
  return time;
});

const party = z.object({ id, name: z.string().nullish() });

const attachmentNode = z.object({
  mime_type: z.string().nullish(),
  name: z.string().nullish(),
  image_data: z.object({ url: z.string() }).nullish(),
  video_data: z.object({ url: z.string() }).nullish(),
  file_url: z.string().nullish(),
});

const messageNode = z.object({
  id: z.string().min(1).max(ID_MAX_LENGTH),
  created_time: graphTime,
  message: z.string().nullish(),
  from: party,
  attachments: z.object({ data: z.array(attachmentNode) }).nullish(),
  /** A sticker's image URL; Messenger's thumbs-up is one. */
  sticker: z.string().nullish(),
});

const threadNode = z.object({
  id: z.string().min(1).max(ID_MAX_LENGTH),
  updated_time: graphTime,
  participants: z.object({ data: z.array(party) }),
  messages: z.object({ data: z.array(messageNode) }).nullish(),
});

type AttachmentNode = z.infer<typeof attachmentNode>;
type MessageNode = z.infer<typeof messageNode>;

function toAttachment(node: AttachmentNode): StoredAttachment {
  if (node.image_data) return { type: "image", url: node.image_data.url };
  if (node.video_data) return { type: "video", url: node.video_data.url };
  const url = node.file_url ?? null;
  if (node.mime_type?.startsWith("audio/")) return { type: "audio", url };
  return { type: "file", url, name: node.name ?? null };
}

function contentOf(node: MessageNode): Pick<SyncedMessage, "text" | "attachments"> {
  const text = node.message ? node.message : null;
  // A sticker also comes back as an image attachment; the sticker alone says what it is.
  const attachments: StoredAttachment[] = node.sticker
    ? [{ type: "sticker", url: node.sticker }]
    : (node.attachments?.data ?? []).map(toAttachment);
  // As on the live path: a message with nothing we can show still appears, as a placeholder.
  if (text === null && attachments.length === 0)
    return { text, attachments: [{ type: "fallback", url: null, title: null }] };
  return { text, attachments };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "thread"}: ${issue.message}`)
    .join("; ");
}

function threadIdOf(raw: unknown): string {
  const value = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof value === "string" && value.length > 0 ? value.slice(0, 200) : "(no id)";
}

export function parseGraphThread(raw: unknown, pageId: string): ParsedThread {
  const parsed = threadNode.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      threadId: threadIdOf(raw),
      reason: "malformed",
      detail: describeIssues(parsed.error),
    };
  const node = parsed.data;

  const others = node.participants.data.filter((person) => person.id !== pageId);
  const customer = others[0];
  if (!customer || others.length > 1) {
    return {
      ok: false,
      threadId: node.id,
      reason: "no_customer",
      detail: `${others.length} participants besides the page`,
    };
  }

  const messages: SyncedMessage[] = [];
  for (const message of node.messages?.data ?? []) {
    const direction =
      message.from.id === customer.id ? "inbound" : message.from.id === pageId ? "outbound" : null;
    if (!direction)
      return { ok: false, threadId: node.id, reason: "unknown_sender", detail: `message ${message.id}` };
    messages.push({
      platformMessageId: message.id,
      direction,
      at: message.created_time,
      ...contentOf(message),
    });
  }
  // Graph lists newest first; the import wants the thread's order. Equal times keep Graph's order.
  messages.reverse();
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    ok: true,
    thread: {
      threadId: node.id,
      updatedAt: node.updated_time,
      customer: { platformUserId: customer.id, name: customer.name || null },
      messages,
    },
  };
}
