// The channels someone manages as settings show them (all of the workspace's for admins, their own
// for staff, channel-access.ts): status, why, chat mode, rule, who connected it and any pending
// request for a rule. Never carries a token.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelStatus, ChatMode, Platform } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session-token";
import { managedChannelsWhere } from "@/lib/channels/channel-access-scope";

export interface ChannelSummary {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  avatarUrl: string | null;
  status: ChannelStatus;
  /** A reason code (channels.statusReasons.*), set when the channel is not connected. */
  statusReason: string | null;
  chatMode: ChatMode;
  rule: { id: string; name: string } | null;
  connectedById: string;
  connectedByName: string;
  connectedAt: string;
  /** A staff member asked admins for a new rule to share this channel. */
  ruleRequest: { byName: string; at: string } | null;
}

export async function listChannels(
  user: SessionUser,
  where: Pick<Prisma.ChannelWhereInput, "platform" | "status" | "connectedById"> = {},
): Promise<ChannelSummary[]> {
  const channels = await db().channel.findMany({
    where: { ...managedChannelsWhere(user), ...where },
    orderBy: [{ connectedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      platform: true,
      externalId: true,
      name: true,
      avatarUrl: true,
      status: true,
      statusReason: true,
      chatMode: true,
      connectedAt: true,
      connectedBy: { select: { id: true, name: true } },
      ruleSource: { select: { rule: { select: { id: true, name: true } } } },
      ruleRequestedBy: { select: { name: true } },
      ruleRequestedAt: true,
    },
  });
  return channels.map(({ connectedBy, ruleSource, connectedAt, ruleRequestedBy, ruleRequestedAt, ...channel }) => ({
    ...channel,
    rule: ruleSource?.rule ?? null,
    connectedById: connectedBy.id,
    connectedByName: connectedBy.name,
    connectedAt: connectedAt.toISOString(),
    ruleRequest: ruleRequestedBy && ruleRequestedAt ? { byName: ruleRequestedBy.name, at: ruleRequestedAt.toISOString() } : null,
  }));
}
