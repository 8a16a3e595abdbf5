// The pages offered in the inbox's page filter: those with at least one conversation the user may
// see, so the filter never names a page whose conversations are hidden from this user.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export interface InboxChannel {
  id: string;
  name: string;
  platform: "facebook" | "zalo";
}

export async function listInboxChannels(user: SessionUser): Promise<InboxChannel[]> {
  return db().channel.findMany({
    where: { workspaceId: user.workspaceId, conversations: { some: await visibleConversationsFor(user) } },
    select: { id: true, name: true, platform: true },
    orderBy: { name: "asc" },
  });
}
