// The workspace's channels as admins see them in settings: status, why, chat mode and rule.
// Never carries a token.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelStatus, ChatMode, Platform } from "@/lib/generated/prisma/enums";

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
  connectedByName: string;
  connectedAt: string;
}

export async function listChannels(
  workspaceId: string,
  where: Pick<Prisma.ChannelWhereInput, "platform" | "status"> = {},
): Promise<ChannelSummary[]> {
  const channels = await db().channel.findMany({
    where: { workspaceId, ...where },
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
      connectedBy: { select: { name: true } },
      ruleSource: { select: { rule: { select: { id: true, name: true } } } },
    },
  });
  return channels.map(({ connectedBy, ruleSource, connectedAt, ...channel }) => ({
    ...channel,
    rule: ruleSource?.rule ?? null,
    connectedByName: connectedBy.name,
    connectedAt: connectedAt.toISOString(),
  }));
}
