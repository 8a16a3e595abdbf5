// Open inbox tabs, kept in PostgreSQL so every server process agrees on whether someone has the inbox
// open: a tab's socket registers itself ("inbox:open"), refreshes its row with a heartbeat and
// removes it when it closes. A process that dies takes no rows with it, so a row counts only while
// its heartbeat is fresh. The user's lastInboxSeenAt is where auto-away starts counting.
import { db } from "@/lib/db";
import { TAB_STALE_MS } from "@/lib/availability/inbox-tab-timing";

export async function recordInboxTab(socketId: string, userId: string, now = new Date()): Promise<void> {
  await db().$transaction([
    db().inboxTab.upsert({ where: { id: socketId }, create: { id: socketId, userId, lastSeenAt: now }, update: { lastSeenAt: now } }),
    db().user.update({ where: { id: userId }, data: { lastInboxSeenAt: now } }),
  ]);
}

export async function closeInboxTab(socketId: string, userId: string, now = new Date()): Promise<void> {
  const removed = await db().inboxTab.deleteMany({ where: { id: socketId, userId } });
  if (removed.count > 0) await db().user.update({ where: { id: userId }, data: { lastInboxSeenAt: now } });
}

/** Whether the user has an inbox open anywhere right now. */
export async function hasOpenInboxTab(userId: string, now = new Date()): Promise<boolean> {
  return (await db().inboxTab.count({ where: { userId, lastSeenAt: { gt: new Date(now.getTime() - TAB_STALE_MS) } } })) > 0;
}
