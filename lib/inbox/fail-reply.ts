// Marks a pending reply failed with a reason code and the platform's sentence for it, and tells the
// thread. Only a reply still pending changes: one its echo proved sent meanwhile is left alone.
import { db } from "@/lib/db";
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import type { SendFailureCode } from "@/lib/channels/send-failure";
import { publishReply } from "@/lib/inbox/publish-reply";

export async function failReply(provider: ChannelProvider, messageId: string, code: SendFailureCode): Promise<boolean> {
  const { count } = await db().message.updateMany({
    where: { id: messageId, status: "pending" },
    data: { status: "failed", failureCode: code, failureReason: provider.outbound.failureReasons[code] },
  });
  if (count > 0) await publishReply(messageId);
  return count > 0;
}
