// One reply through /v3.0/oa/message/cs: attachments are uploaded first (upload-media.ts), then the
// message goes out with the OA's token, refreshed once if Zalo says it has expired (with-oa-token.ts).
// Failures come out as ZaloError; classify-send-error.ts says what they mean.
import { z } from "zod";
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import type { OutboundReply } from "@/lib/channels/outbound-content";
import { zaloSendPayload } from "@/lib/channels/zalo/send-payload";
import { uploadMedia } from "@/lib/channels/zalo/upload-media";
import { withOaToken } from "@/lib/channels/zalo/with-oa-token";
import { oaRequest } from "@/lib/channels/zalo/zalo-client";

/** Zalo gives up on a webhook after 2 s, but a send may take longer: retried rather than awaited. */
const SEND_TIMEOUT_MS = 20_000;

const sendReplySchema = z.object({ data: z.object({ message_id: z.coerce.string().min(1) }) });

export async function sendZaloMessage(channel: ChannelCredentials, reply: OutboundReply): Promise<{ platformMessageId: string }> {
  const { content, recipientId, quotedPlatformMessageId } = reply;
  const { data } = await withOaToken(channel, async (token) => {
    const payload =
      content.kind === "text"
        ? zaloSendPayload(recipientId, { text: content.text }, quotedPlatformMessageId)
        : zaloSendPayload(recipientId, { media: await uploadMedia(token, content.type, content.url) }, quotedPlatformMessageId);
    return oaRequest(token, { method: "POST", path: "/v3.0/oa/message/cs", json: payload, schema: sendReplySchema, timeoutMs: SEND_TIMEOUT_MS });
  });
  return { platformMessageId: data.message_id };
}
