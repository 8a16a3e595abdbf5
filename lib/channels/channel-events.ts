// The audit trail of what admins did to channels other people connected (take over, disconnect,
// change who chats on it, hand it over when its owner leaves). The person who connected the channel
// is told through it: their "Cấu hình Kênh chat" lists what happened to their channels, and the
// channel:updated event refreshes that screen live.
import { db, type Tx } from "@/lib/db";
import type { ChannelEventKind, Platform } from "@/lib/generated/prisma/enums";

export interface ChannelEventInput {
  workspaceId: string;
  channelId: string;
  kind: ChannelEventKind;
  actorUserId: string;
  /** Who connected the channel before the change. */
  ownerUserId: string;
  /** The new owner's or the rule's name. */
  detail?: string;
}

/** Recorded only when someone acts on a channel they did not connect: owners need no notice of their own acts. */
export async function recordChannelEvent(client: Pick<Tx, "channelEvent">, event: ChannelEventInput): Promise<void> {
  if (event.actorUserId === event.ownerUserId) return;
  await client.channelEvent.create({ data: event });
}

export interface ChannelEventView {
  id: string;
  kind: ChannelEventKind;
  channelName: string;
  platform: Platform;
  actorName: string | null;
  ownerName: string | null;
  detail: string | null;
  at: string;
}

/** How far back the notices go on the channels screen. */
const NOTICE_DAYS = 30;

/** Admins see every event of the workspace; staff see what happened to channels they had connected. */
export async function listChannelEvents(user: { id: string; workspaceId: string; role: string }, limit = 20): Promise<ChannelEventView[]> {
  const since = new Date(Date.now() - NOTICE_DAYS * 24 * 3600 * 1000);
  const rows = await db().channelEvent.findMany({
    where: { workspaceId: user.workspaceId, createdAt: { gte: since }, ...(user.role === "admin" ? {} : { ownerUserId: user.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      detail: true,
      createdAt: true,
      channel: { select: { name: true, platform: true } },
      actor: { select: { name: true } },
      owner: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    channelName: row.channel.name,
    platform: row.channel.platform,
    actorName: row.actor?.name ?? null,
    ownerName: row.owner?.name ?? null,
    detail: row.detail,
    at: row.createdAt.toISOString(),
  }));
}
