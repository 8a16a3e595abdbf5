// A conversation row as the browser receives it (inbox-dto.ts), with its platform's reply window.
// Server-only: the browser imports inbox-dto.ts for the shapes, and must not bundle the providers.
import { providerOf } from "@/lib/channels/registry";
import { scheduleToJson } from "@/lib/channels/reply-window";
import type { ConversationRow, ConversationSummary } from "@/lib/inbox/inbox-dto";

export function toConversationSummary(row: ConversationRow): ConversationSummary {
  return {
    ...row,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    labels: row.labels.map(({ label }) => label),
    replyWindow: scheduleToJson(providerOf(row.channel.platform).replyWindow(row)),
  };
}
