// A conversation row as the browser receives it (inbox-dto.ts), with its platform's reply window.
// Server-only: the browser imports inbox-dto.ts for the shapes, and must not bundle the providers.
import { providerOf } from "@/lib/channels/registry";
import { scheduleToJson } from "@/lib/channels/reply-window";
import type { ConversationRow, ConversationSummary } from "@/lib/inbox/inbox-dto";

export function toConversationSummary(row: ConversationRow): ConversationSummary {
  // Field by field rather than by spreading the row: V8 copies a spread through a slow generic path,
  // and every list page maps 30 of these (docs/benchmarks.md, issue 18).
  return {
    id: row.id,
    channel: row.channel,
    contact: row.contact,
    assignee: row.assignee,
    ruleId: row.ruleId,
    state: row.state,
    origin: row.origin,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    replyWindow: scheduleToJson(providerOf(row.channel.platform).replyWindow(row)),
    lastMessagePreview: row.lastMessagePreview,
    unreadCount: row.unreadCount,
    labels: row.labels.map(({ label }) => label),
    updatedAt: row.updatedAt.toISOString(),
  };
}
