// "Ngắt kết nối": stops the page's webhooks at Facebook, forgets the page token and marks the
// channel disconnected. Conversations and messages stay, so a later reconnect continues the history.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/auth/session";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { unsubscribePageWebhooks } from "@/lib/channels/facebook/page-subscription";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

export async function disconnectChannel(admin: SessionUser, channelId: string): Promise<void> {
  const channel = await db().channel.findFirst({
    where: { id: channelId, workspaceId: admin.workspaceId },
    select: { id: true, platform: true, externalId: true, status: true, accessTokenEnc: true },
  });
  if (!channel) throw new AppError("not_found", "This channel does not exist.");
  if (channel.status === "disconnected") return;

  if (channel.platform === "facebook") {
    try {
      await unsubscribePageWebhooks(channel.externalId, decryptSecret(channel.accessTokenEnc));
    } catch (error) {
      // The admin's decision stands even if Facebook cannot be told (dead token, outage): events
      // that still arrive for a disconnected channel are ignored by the webhook side.
      if (!(error instanceof GraphError)) throw error;
      logger.warn("Could not unsubscribe the page's webhooks; disconnecting anyway", {
        channelId,
        code: error.code,
        subcode: error.subcode,
        failure: error.failure,
      });
    }
  }

  await db().channel.update({
    where: { id: channel.id },
    // The token is wiped: a disconnected channel has no reason to keep a secret at rest.
    data: { status: "disconnected", statusReason: "disconnected_by_admin", disconnectedAt: new Date(), accessTokenEnc: "" },
  });
  publishChannelUpdate(admin.workspaceId, channel.id);
}
