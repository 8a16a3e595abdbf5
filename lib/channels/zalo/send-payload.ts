// The JSON body of one /v3.0/oa/message/cs call (docs/platforms/zalo.md, "Sending"). Pure. A call
// carries a text, an image (by the attachment_id of an upload, or a public URL) or a file (by the
// token of an upload), never two of them, and may quote an earlier message of the conversation by its
// msg_id (`quote_message_id`, the PHP SDK's name; the Java SDK's `react_message_id` is the variant
// we do not send).

/** Zalo refuses longer texts; we refuse them before storing anything. */
export const MAX_TEXT_LENGTH = 2000;

/** What an attachment became before the send: Zalo's own reference to the bytes. */
export type ZaloMedia = { kind: "image"; attachmentId: string } | { kind: "file"; token: string };

export interface ZaloSendPayload {
  recipient: { user_id: string };
  message: {
    text?: string;
    attachment?:
      | { type: "template"; payload: { template_type: "media"; elements: Array<{ media_type: "image"; attachment_id: string }> } }
      | { type: "file"; payload: { token: string } };
    quote_message_id?: string;
  };
}

function attachmentOf(media: ZaloMedia): NonNullable<ZaloSendPayload["message"]["attachment"]> {
  if (media.kind === "file") return { type: "file", payload: { token: media.token } };
  return { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: media.attachmentId }] } };
}

export function zaloSendPayload(recipientId: string, content: { text: string } | { media: ZaloMedia }, quotedMessageId: string | null): ZaloSendPayload {
  const message: ZaloSendPayload["message"] = "text" in content ? { text: content.text } : { attachment: attachmentOf(content.media) };
  if (quotedMessageId !== null) message.quote_message_id = quotedMessageId;
  return { recipient: { user_id: recipientId }, message };
}
