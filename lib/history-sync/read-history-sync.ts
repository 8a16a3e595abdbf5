// An admin reading a page's history sync (the card's GET): only pages of their own workspace; a
// page of another workspace is "not found", as if it did not exist.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import type { ChannelStatus } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { loadHistorySyncView } from "@/lib/history-sync/load-history-sync-view";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

export async function findAdminChannel(
  admin: SessionUser,
  channelId: string,
): Promise<{ id: string; status: ChannelStatus }> {
  const channel = await db().channel.findFirst({
    where: { id: channelId, workspaceId: admin.workspaceId },
    select: { id: true, status: true },
  });
  if (!channel) throw new AppError("not_found", "This channel does not exist.");
  return channel;
}

/** Null when the page has never been synced. */
export async function readHistorySync(
  admin: SessionUser,
  channelId: string,
): Promise<HistorySyncView | null> {
  assertAdmin(admin);
  await findAdminChannel(admin, channelId);
  return loadHistorySyncView(channelId);
}
