// Zalo's reply window for one conversation, from the customer's last message (docs/platforms/zalo.md,
// "Reply window and quota"): the first 8 replies within 48 h are free, then each one counts against
// the OA's paid quota, and after 7 days without the customer writing Zalo refuses (-230).
// As a schedule (lib/channels/reply-window.ts), so the composer and the sender read the same rule.
import type { ReplyWindowFacts, ReplyWindowPhase, ReplyWindowSchedule } from "@/lib/channels/reply-window";

export const FREE_REPLY_WINDOW_MS = 48 * 3600 * 1000;
export const INTERACTION_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Free replies Zalo allows within the 48 h after each customer message. */
export const FREE_REPLIES_PER_MESSAGE = 8;

/** As for Messenger: Zalo's clock is the one that counts, and the request takes a moment to get there. */
export const WINDOW_SAFETY_MARGIN_MS = 60 * 1000;

export function zaloReplyWindow({ lastInboundAt, repliesSinceInbound }: ReplyWindowFacts): ReplyWindowSchedule {
  if (!lastInboundAt) return { phases: [], repliesLeft: null };
  const start = lastInboundAt.getTime();
  // The free phase ends after 48 h or the 8th reply, whichever comes first: once they are used up the
  // next reply is paid even inside the 48 h. The quota itself is the OA's, not the conversation's, so
  // running out of it is Zalo's refusal (-211), not a closed window.
  const free: ReplyWindowPhase = {
    state: "open",
    endsAt: new Date(start + FREE_REPLY_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS),
    tag: null,
    cost: "free",
    repliesAllowed: Math.max(0, FREE_REPLIES_PER_MESSAGE - repliesSinceInbound),
  };
  const paid: ReplyWindowPhase = { state: "open", endsAt: new Date(start + INTERACTION_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS), tag: null, cost: "paid_quota", repliesAllowed: null };
  return { phases: [free, paid], repliesLeft: null };
}
