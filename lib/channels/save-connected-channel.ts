// The end of every platform's "connect this account": write the channel row (a reconnect updates it,
// a first connection creates it) and then tell the workspace and pick up what the dead token paused.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";
import { resumeReconnectedChannel } from "@/lib/channels/resume-reconnected-channel";

/** The columns a platform sets on connect (name, token, status…); who owns the row is set here. */
export type ChannelConnection = Omit<
  Prisma.ChannelUncheckedCreateInput,
  "workspaceId" | "platform" | "externalId" | "connectedById"
>;

export interface ConnectedChannel {
  channelId: string;
  /** True for a new connection (or one that was disconnected): whoever connected it picks the chat mode next. */
  needsChatMode: boolean;
}

/**
 * `fresh`: no row yet, or a disconnected one. A reconnect after "needs reconnect" keeps the owner of
 * an "only me" channel; after a disconnect it is a new connection, owned by whoever makes it.
 * The platform's unique (platform, externalId) may throw P2002 when another workspace was quicker.
 */
export async function saveConnectedChannel(
  client: Pick<Tx, "channel">,
  user: SessionUser,
  target: { platform: Platform; externalId: string; existing: { id: string } | null; fresh: boolean },
  connection: ChannelConnection,
): Promise<string> {
  if (target.existing) {
    const owner = target.fresh ? { connectedById: user.id, connectedAt: new Date() } : {};
    await client.channel.update({ where: { id: target.existing.id }, data: { ...connection, ...owner } });
    return target.existing.id;
  }
  const created = await client.channel.create({
    data: {
      ...connection,
      workspaceId: user.workspaceId,
      platform: target.platform,
      externalId: target.externalId,
      connectedById: user.id,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * A reconnected channel keeps its chat permission, so the replies that waited for it go out and a sync
 * the dead token paused goes on now; a new connection starts its sync after the chat-permission step.
 */
export async function announceConnectedChannel(
  user: SessionUser,
  channelId: string,
  fresh: boolean,
): Promise<ConnectedChannel> {
  publishChannelUpdate(user.workspaceId, channelId);
  if (!fresh) await resumeReconnectedChannel(channelId);
  return { channelId, needsChatMode: fresh };
}
