// Who may manage which channel. Workspace admins manage every channel. With "Nhân viên được tự kết
// nối Trang của mình" on, any active staff member also connects the pages and OAs they administer on
// the platform and manages the channels they connected (reconnect, disconnect, "Đổi quyền chat");
// with it off, channel screens and APIs are admin-only again and existing channels keep working.
// Routes and pages use require-channel-manager.ts; the domain functions check the channel itself
// with assertMayManageChannel(), so a caller that forgets cannot skip it.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";

/** Whether this person sees "Cấu hình Kênh chat" at all. */
export async function mayManageChannels(user: SessionUser): Promise<boolean> {
  if (user.role === "admin") return true;
  const workspace = await db().workspace.findUnique({ where: { id: user.workspaceId }, select: { staffMayConnectOwnPages: true } });
  return workspace?.staffMayConnectOwnPages ?? false;
}

/** The channels this person manages: all of the workspace's for admins, their own for staff. */
export function managedChannelsWhere(user: SessionUser): Prisma.ChannelWhereInput {
  return user.role === "admin" ? { workspaceId: user.workspaceId } : { workspaceId: user.workspaceId, connectedById: user.id };
}

export interface ChannelOwnership {
  connectedBy: { id: string; name: string };
}

/** Staff change only the channels they connected themselves; admins change any (the caller audits it). */
export function assertMayManageChannel(user: SessionUser, channel: ChannelOwnership): void {
  if (user.role === "admin" || channel.connectedBy.id === user.id) return;
  throw new AppError("forbidden", `${channel.connectedBy.name} connected this channel; only they or an admin can change it.`, {
    reason: "not_your_channel",
    name: channel.connectedBy.name,
  });
}

/** A channel of the workspace, with what permission checks and the audit need; 404 for anyone else's. */
export async function findManagedChannel(user: SessionUser, channelId: string) {
  const channel = await db().channel.findFirst({
    where: { id: channelId, workspaceId: user.workspaceId },
    select: {
      id: true,
      name: true,
      platform: true,
      externalId: true,
      status: true,
      chatMode: true,
      accessTokenEnc: true,
      connectedBy: { select: { id: true, name: true, email: true, active: true, role: true } },
    },
  });
  if (!channel) throw new AppError("not_found", "This channel does not exist.");
  assertMayManageChannel(user, channel);
  return channel;
}

export type ManagedChannel = Awaited<ReturnType<typeof findManagedChannel>>;
