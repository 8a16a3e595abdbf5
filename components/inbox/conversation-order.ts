// Where a conversation belongs in the open list: the list's order (newest first) and filters, applied
// in the browser to live updates so they need no round trip.
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import { summaryInTab } from "@/lib/inbox/conversation-tabs";
import { normalizeSearchName } from "@/lib/inbox/search-name";
import { searchTextOf } from "@/lib/inbox/search-text";
import type { ListFilter } from "@/components/inbox/inbox-api";

/** Newest first; ties broken by ascending id, as the server's keyset order does. */
export function compareConversations(a: ConversationSummary, b: ConversationSummary): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether a live update belongs in the open list. `listed` says the list already shows it: during a
 * search the server also matched messages and the customer's phone, which the browser cannot check,
 * so a row it found stays while it fits the tab and filters, and a row it did not list is added when
 * its customer's name or its latest message holds the query.
 */
export function matchesFilter(summary: ConversationSummary, filter: ListFilter, viewerId: string, listed = false): boolean {
  if (!summaryInTab(summary, viewerId, filter.tab)) return false;
  if (filter.platform && summary.channel.platform !== filter.platform) return false;
  if (filter.channelId && summary.channel.id !== filter.channelId) return false;
  if (filter.labelId && !summary.labels.some((label) => label.id === filter.labelId)) return false;
  const search = normalizeSearchName(filter.q);
  if (!search || listed || normalizeSearchName(summary.contact.name ?? "").includes(search)) return true;
  const folded = searchTextOf(filter.q);
  return folded.length > 0 && searchTextOf(summary.lastMessagePreview ?? "").includes(folded);
}

/**
 * Puts a changed conversation where it belongs, or takes it out. A conversation that sorts below the
 * last loaded row is left for the next page to bring, so paging never shows it twice.
 */
export function placeConversation(
  items: ConversationSummary[],
  summary: ConversationSummary,
  belongs: boolean,
  morePages: boolean,
): ConversationSummary[] {
  const rest = items.filter((item) => item.id !== summary.id);
  if (!belongs) return rest;
  const last = rest.at(-1);
  if (morePages && last && compareConversations(summary, last) > 0) return rest;
  // A live summary carries no search match: the row keeps the message the search found.
  const match = summary.match ?? items.find((item) => item.id === summary.id)?.match;
  return [...rest, match ? { ...summary, match } : summary].sort(compareConversations);
}
