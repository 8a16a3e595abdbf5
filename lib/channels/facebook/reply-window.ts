// Messenger's reply window for one conversation, from the customer's last message: a plain reply
// (RESPONSE) inside 24 h, the HUMAN_AGENT tag up to 7 days, nothing after (docs/platforms/facebook.md,
// "Reply window"). As a schedule (lib/channels/reply-window.ts), so the composer and the sender
// read the same rule.
import type { ReplyWindowFacts, ReplyWindowSchedule } from "@/lib/channels/reply-window";

export const RESPONSE_WINDOW_MS = 24 * 3600 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600 * 1000;
export const HUMAN_AGENT_TAG = "HUMAN_AGENT";

/**
 * Each phase ends this much earlier than Facebook's limit: the request reaches Facebook a moment
 * after we decide, and Facebook's clock is the one that counts. A plain reply sent in the last
 * minute goes out tagged instead, and the last minute of the 7 days is treated as closed.
 */
export const WINDOW_SAFETY_MARGIN_MS = 60 * 1000;

export function messengerReplyWindow({ lastInboundAt }: ReplyWindowFacts): ReplyWindowSchedule {
  if (!lastInboundAt) return { phases: [], repliesLeft: null };
  const start = lastInboundAt.getTime();
  return {
    phases: [
      { state: "open", endsAt: new Date(start + RESPONSE_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS), tag: null, cost: "free", repliesAllowed: null },
      { state: "tagged", endsAt: new Date(start + HUMAN_AGENT_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS), tag: HUMAN_AGENT_TAG, cost: "free", repliesAllowed: null },
    ],
    repliesLeft: null,
  };
}
