// The inbox reads answered before Next.js (lib/http/serve-before-next.ts): what every open inbox asks
// again after each live change. Their documentation lives here rather than in app/api.
import type { ReadRoute } from "@/lib/http/serve-before-next";
import { conversationCounts } from "@/lib/inbox/conversation-counts";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listMessages } from "@/lib/inbox/list-messages";

export const inboxReadRoutes: readonly ReadRoute[] = [
  {
    /** GET /api/conversations?tab=mine|queue|all|old|done&platform=&channelId=&labelId=&q=&cursor= */
    path: "/api/conversations",
    answer: (user, _params, query) => listConversations(user, Object.fromEntries(query)),
  },
  {
    /** GET /api/conversations/counts: per tab, conversations and unread conversations. */
    path: "/api/conversations/counts",
    answer: async (user) => ({ counts: await conversationCounts(user) }),
  },
  {
    /** GET /api/conversations/:id/messages?before=cursor: the newest page, or the page older than the cursor. */
    path: "/api/conversations/:id/messages",
    answer: (user, { id }, query) => listMessages(user, id!, { before: query.get("before") ?? undefined }),
  },
];
