// Auto-away: someone "Sẵn sàng nhận chat" with no inbox tab open for AVAILABILITY_AWAY_AFTER_MINUTES
// becomes "Tạm vắng", so rules that distribute only to available staff stop giving them customers
// they cannot see. One conditional UPDATE: with several processes sweeping, each user changes once.
// Rows of tabs whose process died without closing them are removed here too.
import { db } from "@/lib/db";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";
import { TAB_STALE_MS } from "@/lib/availability/inbox-tab-timing";
import { publishAvailability } from "@/lib/availability/publish-availability";

export async function markAbsentAway(awayAfterMinutes: number, now = new Date()): Promise<string[]> {
  const staleBefore = new Date(now.getTime() - TAB_STALE_MS);
  const absentSince = new Date(now.getTime() - awayAfterMinutes * 60_000);
  await db().inboxTab.deleteMany({ where: { lastSeenAt: { lte: staleBefore } } });
  const away = await db().$queryRaw<{ id: string; workspaceId: string }[]>`
    UPDATE "User" u SET availability = 'away', "availabilityChangedAt" = ${utcTimestamp(now)}
    WHERE u.availability = 'available' AND u.active
      AND COALESCE(u."lastInboxSeenAt", u."availabilityChangedAt") <= ${utcTimestamp(absentSince)}
      AND u."availabilityChangedAt" <= ${utcTimestamp(absentSince)}
      AND NOT EXISTS (SELECT 1 FROM "InboxTab" t WHERE t."userId" = u.id AND t."lastSeenAt" > ${utcTimestamp(staleBefore)})
    RETURNING u.id, u."workspaceId"`;
  for (const user of away) publishAvailability(user.workspaceId, user.id, "away");
  return away.map((user) => user.id);
}

