// Keeps ReportMessageCount small. The trigger on Message appends a row per inserting statement and
// group (a customer messages' hour, or an agent's day of replies: report_count_slot), so the rows of
// a busy hour pile up; each round folds every group that has new rows into one row. A row appended
// meanwhile is not in the round's snapshot and waits for the next round.
// A row on another clock than its shop's — written by a transaction that read the zone just before
// an admin changed it — makes the round recount that shop (report_recount_messages).
import { db, type Db, type Tx } from "@/lib/db";

export async function foldMessageCounts(): Promise<{ folded: number; recounted: number }> {
  const stale = await db().$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT r."workspaceId" FROM "ReportMessageCount" r JOIN "Workspace" w ON w.id = r."workspaceId"
    WHERE NOT r.folded AND r."timeZone" <> w."timeZone"`;
  for (const { workspaceId } of stale) await recountMessages(workspaceId);

  const folded = await db().$executeRaw`
    WITH touched AS (
      SELECT DISTINCT "workspaceId", "timeZone", "localHour", "channelId", "agentId" FROM "ReportMessageCount" WHERE NOT folded
    ), gone AS (
      DELETE FROM "ReportMessageCount" r USING touched t
      WHERE r."workspaceId" = t."workspaceId" AND r."timeZone" = t."timeZone" AND r."localHour" = t."localHour"
        AND r."channelId" = t."channelId" AND r."agentId" IS NOT DISTINCT FROM t."agentId"
      RETURNING r."workspaceId", r."timeZone", r."localHour", r."channelId", r."agentId", r."customerMessages", r."agentReplies"
    )
    INSERT INTO "ReportMessageCount"("workspaceId", "timeZone", "localHour", "channelId", "agentId", "customerMessages", "agentReplies", "folded")
    SELECT "workspaceId", "timeZone", "localHour", "channelId", "agentId", sum("customerMessages"), sum("agentReplies"), true
    FROM gone GROUP BY 1, 2, 3, 4, 5`;
  return { folded, recounted: stale.length };
}

/** Every count of the workspace again from its messages, on the shop's clock as it is now. */
export async function recountMessages(workspaceId: string, client: Db | Tx = db()): Promise<void> {
  await client.$executeRaw`SELECT "report_recount_messages"(${workspaceId})`;
}
