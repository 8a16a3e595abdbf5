// The channels offered in the inbox's filter: those with at least one conversation the user may
// see, so the filter never names a channel (or a platform) whose conversations are hidden from them.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface InboxChannel {
  id: string;
  name: string;
  platform: Platform;
}

export async function listInboxChannels(user: SessionUser): Promise<InboxChannel[]> {
  return db().channel.findMany({
    where: { workspaceId: user.workspaceId, conversations: { some: await visibleConversationsFor(user) } },
    select: { id: true, name: true, platform: true },
    orderBy: [{ platform: "asc" }, { name: "asc" }],
  });
}
