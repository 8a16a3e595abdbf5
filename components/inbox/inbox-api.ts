// The inbox's calls to our API, typed with the server's own shapes.
import { apiFetch } from "@/lib/client/api-fetch";
import type { MessageDto, QuotedMessage } from "@/lib/inbox/inbox-dto";
import type { SendableAttachmentType } from "@/lib/channels/outbound-content";
import type { ConversationPage } from "@/lib/inbox/list-conversations";
import type { ConversationChanges } from "@/lib/inbox/list-changed-conversations";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import type { MessagePage } from "@/lib/inbox/list-messages";
import type { ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface ListFilter {
  tab: ConversationTab;
  /** "Kênh": every channel of one platform, or one channel; both null for all. */
  platform: Platform | null;
  channelId: string | null;
  /** "Nhãn": conversations carrying this label; null for all. */
  labelId: string | null;
  q: string;
}

export interface OutgoingAttachment {
  type: SendableAttachmentType;
  url: string;
  name?: string;
}

/** The message a reply quotes ("Trả lời"): its platform id and what the thread shows of it. */
export interface OutgoingQuote {
  platformMessageId: string;
  message: QuotedMessage;
}

/** Messenger carries a text or one attachment per message: the composer sends each as its own reply. */
export type OutgoingContent = ({ text: string } | { attachment: OutgoingAttachment }) & { quote?: OutgoingQuote };

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export function fetchConversationPage(filter: ListFilter, cursor: string | null): Promise<ConversationPage> {
  const params = new URLSearchParams({ tab: filter.tab });
  if (filter.platform) params.set("platform", filter.platform);
  if (filter.channelId) params.set("channelId", filter.channelId);
  if (filter.labelId) params.set("labelId", filter.labelId);
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/conversations?${params}`);
}

export function fetchConversationChanges(since: string): Promise<ConversationChanges> {
  return apiFetch(`/api/conversations/changes?${new URLSearchParams({ since })}`);
}

export async function fetchCounts(): Promise<ConversationCounts> {
  return (await apiFetch<{ counts: ConversationCounts }>("/api/conversations/counts")).counts;
}

export function fetchConversation(id: string): Promise<ConversationDetail> {
  return apiFetch(path(id));
}

export function fetchMessages(id: string, before: string | null): Promise<MessagePage> {
  return apiFetch(`${path(id)}/messages${before ? `?before=${encodeURIComponent(before)}` : ""}`);
}

export async function postMessage(id: string, clientMessageId: string, content: OutgoingContent): Promise<MessageDto> {
  const quote = content.quote ? { quotedMessageId: content.quote.message.id } : {};
  const json = "text" in content ? { clientMessageId, text: content.text, ...quote } : { clientMessageId, attachments: [content.attachment], ...quote };
  return (await apiFetch<{ message: MessageDto }>(`${path(id)}/messages`, { method: "POST", json })).message;
}

export function retryMessage(messageId: string): Promise<unknown> {
  return apiFetch(`/api/messages/${encodeURIComponent(messageId)}/retry`, { method: "POST" });
}

export function postTyping(id: string, on: boolean): Promise<unknown> {
  return apiFetch(`${path(id)}/typing`, { method: "POST", json: { on } });
}

export function postSeen(id: string): Promise<unknown> {
  return apiFetch(`${path(id)}/seen`, { method: "POST" });
}

export async function uploadFile(file: File): Promise<{ url: string; type: SendableAttachmentType; name: string }> {
  const form = new FormData();
  form.append("file", file);
  return apiFetch("/api/uploads", { method: "POST", body: form });
}
