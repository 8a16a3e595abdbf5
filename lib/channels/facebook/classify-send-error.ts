// Decides what a failed Send API call means: try again later (transient), or stop and tell the agent
// why (permanent, with a reason code the UI translates: inbox.failures.facebook.<code>). Pure. The sentences
// cover every Message.failureCode a reply can get, including the few decided without calling Facebook.
import type { GraphError } from "@/lib/channels/facebook/graph-client";
import type { SendErrorClass, SendFailureCode } from "@/lib/channels/send-failure";

/** The sentence stored in Message.failureReason: readable by an agent, never Facebook's raw text. */
export const sendFailureReasons: Record<SendFailureCode, string> = {
  window_closed: "The customer last wrote more than 7 days ago; Messenger allows no reply until they write again.",
  token_invalid: "Facebook no longer accepts this page's connection; an admin must reconnect the page, then retry.",
  user_unavailable: "This customer can no longer receive messages (they blocked the page or their account is gone).",
  permission_missing: "Facebook refused: the app lacks a permission or the page role needed to send this message.",
  policy_blocked: "Facebook blocked this message for going against its policies.",
  message_invalid: "Facebook refused the message content (too long, or an attachment it could not fetch).",
  send_unconfirmed: "Facebook's answer could not be read; check Messenger before sending again.",
  send_rejected: "Facebook refused to send this message.",
  retries_exhausted: "Facebook did not accept the message after several tries; try again later.",
  channel_disconnected: "The page was disconnected from this app; an admin must connect it again to send.",
};

/** Throttling (4 app, 17 user, 32 page, 613 API, 341 app limit) and Facebook's own hiccups (1, 2). */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);

const permanent = (code: SendFailureCode, channelNeedsReconnect = false): SendErrorClass => ({
  kind: "permanent",
  code,
  reason: sendFailureReasons[code],
  channelNeedsReconnect,
});

export function classifySendError(error: Pick<GraphError, "status" | "code" | "subcode" | "failure" | "transient">): SendErrorClass {
  if (error.failure === "timeout" || error.failure === "network") return { kind: "transient" };
  const { code, subcode } = error;
  // The specific refusals first: Facebook sometimes flags them transient, but retrying cannot help.
  if (code === 10 && subcode === 2018278) return permanent("window_closed");
  if (code === 190) return permanent("token_invalid", true);
  if (code === 551 || (code === 100 && subcode === 2018001)) return permanent("user_unavailable");
  if (code === 10 || (code >= 200 && code <= 299)) return permanent("permission_missing");
  if (code === 368) return permanent("policy_blocked");
  if (TRANSIENT_CODES.has(code) || error.status >= 500 || error.transient) return { kind: "transient" };
  if (code === 100) return permanent("message_invalid");
  // A 2xx whose body we could not read: Facebook may well have sent it, so retrying could duplicate.
  if (error.failure === "bad_reply" && error.status >= 200 && error.status < 300) return permanent("send_unconfirmed");
  return permanent("send_rejected");
}
