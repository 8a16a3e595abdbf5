// Why a reply failed, as codes every platform shares (Message.failureCode; the UI translates them:
// inbox.failures.<platform>.<code>), and what a platform's error classifier answers about a failed send.

export const SEND_FAILURE_CODES = [
  "window_closed",
  "token_invalid",
  "user_unavailable",
  "permission_missing",
  "policy_blocked",
  "message_invalid",
  "send_unconfirmed",
  "send_rejected",
  "retries_exhausted",
  "channel_disconnected",
] as const;
export type SendFailureCode = (typeof SEND_FAILURE_CODES)[number];

/** `reason` is the platform's sentence for Message.failureReason, readable by an agent. */
export type SendErrorClass =
  | { kind: "transient" }
  | { kind: "permanent"; code: SendFailureCode; reason: string; channelNeedsReconnect: boolean };
