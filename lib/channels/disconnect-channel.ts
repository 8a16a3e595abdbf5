// "Ngắt kết nối": stops the channel's webhooks at its platform, forgets the token and marks the
// channel disconnected. Conversations and messages stay, so a later reconnect continues the history.
// Staff disconnect the channels they connected; admins any (audited when it is someone else's).
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/auth/session";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import { findManagedChannel } from "@/lib/channels/channel-access-scope";
import { recordChannelEvent } from "@/lib/channels/channel-events";
import { providerOf } from "@/lib/channels/registry";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

export async function disconnectChannel(actor: SessionUser, channelId: string): Promise<void> {
  const channel = await findManagedChannel(actor, channelId);
  if (channel.status === "disconnected") return;

  const { disconnect } = providerOf(channel.platform).connection;
  try {
    if (disconnect) await disconnect(channel);
  } catch (error) {
    // The admin's decision stands even if the platform cannot be told (dead token, outage): events
    // that still arrive for a disconnected channel are ignored by the webhook side.
    if (!(error instanceof ChannelApiError)) throw error;
    logger.warn("Could not unsubscribe the channel's webhooks; disconnecting anyway", { channelId, ...error.logFields() });
  }

  await db().$transaction(async (tx) => {
    await tx.channel.update({
      where: { id: channel.id },
      // The tokens are wiped: a disconnected channel has no reason to keep a secret at rest.
      data: {
        status: "disconnected",
        statusReason: "disconnected_by_admin",
        disconnectedAt: new Date(),
        accessTokenEnc: "",
        refreshTokenEnc: null,
        ruleRequestedById: null,
        ruleRequestedAt: null,
      },
    });
    await recordChannelEvent(tx, { workspaceId: actor.workspaceId, channelId: channel.id, kind: "disconnected", actorUserId: actor.id, ownerUserId: channel.connectedBy.id });
  });
  publishChannelUpdate(actor.workspaceId, channel.id);
}
