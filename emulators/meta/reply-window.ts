// Messenger's standard messaging window: 24 h after the customer's last message, 7 days with HUMAN_AGENT.

export const STANDARD_WINDOW_MS = 24 * 3600 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3600 * 1000;

export const MESSAGE_TAGS = [
  "HUMAN_AGENT",
  "ACCOUNT_UPDATE",
  "CONFIRMED_EVENT_UPDATE",
  "POST_PURCHASE_UPDATE",
] as const;
export type MessageTag = (typeof MESSAGE_TAGS)[number];

export interface WindowQuestion {
  /** When the customer last wrote to the page; undefined if they never did. */
  lastCustomerMessageAt: number | undefined;
  now: number;
  messagingType: "RESPONSE" | "UPDATE" | "MESSAGE_TAG";
  tag?: MessageTag;
}

export function canSendNow(q: WindowQuestion): boolean {
  if (q.lastCustomerMessageAt === undefined) return false;
  const age = q.now - q.lastCustomerMessageAt;
  if (q.messagingType !== "MESSAGE_TAG") return age <= STANDARD_WINDOW_MS;
  if (q.tag === "HUMAN_AGENT") return age <= HUMAN_AGENT_WINDOW_MS;
  // The other tags are for non-promotional updates and are not bound to a window.
  return q.tag !== undefined;
}
