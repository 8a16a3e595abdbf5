// Messenger's reply window for one conversation, from the customer's last message: a plain reply
// (RESPONSE) inside 24 h, the HUMAN_AGENT tag up to 7 days, nothing after. Pure, so the composer
// (browser) and the sender (server) share the same rule.

export const RESPONSE_WINDOW_MS = 24 * 3600 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * Each phase ends this much earlier than Facebook's limit: the request reaches Facebook a moment
 * after we decide, and Facebook's clock is the one that counts. A plain reply sent in the last
 * minute goes out tagged instead, and the last minute of the 7 days is treated as closed.
 */
export const WINDOW_SAFETY_MARGIN_MS = 60 * 1000;

export type ReplyWindow =
  | {
      kind: "response";
      messagingType: "RESPONSE";
      /** When plain replies stop and the HUMAN_AGENT tag takes over. */
      phaseEndsAt: Date;
      /** When no reply at all is allowed any more. */
      closesAt: Date;
      /** Until phaseEndsAt. */
      remainingMs: number;
    }
  | {
      kind: "human_agent";
      messagingType: "MESSAGE_TAG";
      tag: "HUMAN_AGENT";
      phaseEndsAt: Date;
      closesAt: Date;
      remainingMs: number;
    }
  | {
      kind: "closed";
      /** When the window closed; null when the customer has never written. */
      closedAt: Date | null;
    };

export function replyWindow(lastInboundAt: Date | null, now: Date): ReplyWindow {
  if (!lastInboundAt) return { kind: "closed", closedAt: null };
  const start = lastInboundAt.getTime();
  const responseEnds = start + RESPONSE_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS;
  const closes = start + HUMAN_AGENT_WINDOW_MS - WINDOW_SAFETY_MARGIN_MS;
  const at = now.getTime();
  if (at < responseEnds) {
    return {
      kind: "response",
      messagingType: "RESPONSE",
      phaseEndsAt: new Date(responseEnds),
      closesAt: new Date(closes),
      remainingMs: responseEnds - at,
    };
  }
  if (at < closes) {
    return {
      kind: "human_agent",
      messagingType: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      phaseEndsAt: new Date(closes),
      closesAt: new Date(closes),
      remainingMs: closes - at,
    };
  }
  return { kind: "closed", closedAt: new Date(closes) };
}
