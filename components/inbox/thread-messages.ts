// Pure bookkeeping of a thread's messages in the browser: order, live upserts, optimistic sends and
// the merge after a reconnect.
import type { MessageDto, QuotedMessage } from "@/lib/inbox/inbox-dto";
import type { OutgoingContent, OutgoingQuote } from "@/components/inbox/inbox-api";

/** A message typed here that the server has not confirmed yet (or refused: `error` says why). */
export interface LocalMessage extends MessageDto {
  local: { error: string | null };
}

export type ThreadMessage = MessageDto | LocalMessage;

export function isLocal(message: ThreadMessage): message is LocalMessage {
  return "local" in message;
}

/** Oldest first: the server's page order (sentAt desc, id asc) read backwards. */
export function compareMessages(a: MessageDto, b: MessageDto): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The newer of two copies of one message. Copies arrive by different roads — a send's API answer can
 * land after the socket event of the failure that followed it — and an older copy must never undo a
 * newer one.
 */
function newer(current: MessageDto | undefined, incoming: MessageDto): MessageDto {
  return current && current.updatedAt > incoming.updatedAt ? current : incoming;
}

/** Adds or replaces one message (unless what is shown is newer), keeping oldest-first order. */
export function upsertMessage(messages: MessageDto[], message: MessageDto): MessageDto[] {
  const current = messages.find((item) => item.id === message.id);
  return [...messages.filter((item) => item.id !== message.id), newer(current, message)].sort(compareMessages);
}

/**
 * A live message into the loaded part of a thread. One older than everything loaded (a status
 * change to an old reply, say) is left for "load older" to bring, so the thread never shows it
 * above a hole.
 */
export function applyLiveMessage(messages: MessageDto[], hasOlder: boolean, message: MessageDto): MessageDto[] {
  const oldest = messages[0];
  const known = messages.some((item) => item.id === message.id);
  if (!known && hasOlder && oldest && compareMessages(message, oldest) < 0) return messages;
  return upsertMessage(messages, message);
}

/**
 * Joins the newest page fetched after a reconnect with what was on screen. When the page does not
 * reach back to the messages already shown, the older ones are dropped (and paged in again on
 * demand) rather than shown with a silent hole in between.
 */
export function mergeNewestPage(
  shown: MessageDto[],
  shownCursor: string | null,
  page: MessageDto[],
  pageCursor: string | null,
): { messages: MessageDto[]; olderCursor: string | null } {
  const oldest = page[0];
  const reachesShown = pageCursor === null || (oldest !== undefined && shown.some((item) => item.id === oldest.id));
  if (!reachesShown) return { messages: page, olderCursor: pageCursor };
  const byId = new Map(shown.map((item) => [item.id, item]));
  for (const item of page) byId.set(item.id, newer(byId.get(item.id), item));
  return { messages: [...byId.values()].sort(compareMessages), olderCursor: pageCursor === null ? null : shownCursor };
}

/** Server messages plus the local ones the server has not echoed back yet. */
export function displayMessages(server: MessageDto[], locals: LocalMessage[]): ThreadMessage[] {
  const confirmed = new Set(server.map((item) => item.clientMessageId).filter(Boolean));
  const pending = locals.filter((item) => !confirmed.has(item.clientMessageId));
  return [...server, ...pending].sort(compareMessages);
}

/** RFC 4122 v4; crypto.randomUUID exists only on https and localhost, this works on plain http too. */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a local message carried, in the shape the send API takes, for a resend. */
export function outgoingContent(message: MessageDto): OutgoingContent {
  const quote = message.quoted && message.replyToPlatformMessageId ? { quote: { platformMessageId: message.replyToPlatformMessageId, message: message.quoted } } : {};
  const attachment = message.attachments[0];
  if (attachment?.url && (attachment.type === "image" || attachment.type === "video" || attachment.type === "audio" || attachment.type === "file")) {
    return { attachment: { type: attachment.type, url: attachment.url, ...(attachment.name ? { name: attachment.name } : {}) }, ...quote };
  }
  return { text: message.text ?? "", ...quote };
}

/** What a reply shows of a message it quotes, as the server's DTO has it (inbox-dto.ts). */
export function quotedMessageOf(message: MessageDto): QuotedMessage {
  return { id: message.id, direction: message.direction, text: message.text, attachmentType: message.attachments[0]?.type ?? null };
}

/** A message the agent may quote: one the platform knows (its id), never a reply still on its way. */
export function quoteOf(message: MessageDto): OutgoingQuote | null {
  return message.platformMessageId ? { platformMessageId: message.platformMessageId, message: quotedMessageOf(message) } : null;
}
