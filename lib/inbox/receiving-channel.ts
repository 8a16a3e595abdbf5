// The channel fields the receive path needs, selected once per webhook batch.
import type { Prisma } from "@/lib/generated/prisma/client";

export const receivingChannelSelect = {
  id: true,
  workspaceId: true,
  platform: true,
  externalId: true,
  accessTokenEnc: true,
} satisfies Prisma.ChannelSelect;

export type ReceivingChannel = Prisma.ChannelGetPayload<{ select: typeof receivingChannelSelect }>;
