// An admin saves "Cài đặt cửa hàng": the whole form at once, so what is saved is what was shown.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import type { WorkspaceSettings } from "@/lib/workspace/workspace-settings";
import { recountMessages } from "@/lib/reports/fold-message-counts";

export async function updateWorkspaceSettings(admin: SessionUser, settings: WorkspaceSettings): Promise<WorkspaceSettings> {
  // The route checks the role first; checked again here because the setting decides who may
  // connect channels, and a caller that forgot the check would let an agent grant it to themselves.
  assertAdmin(admin);
  await db().$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ timeZone: string }[]>`SELECT "timeZone" FROM "Workspace" WHERE id = ${admin.workspaceId} FOR NO KEY UPDATE`;
    await tx.workspace.update({ where: { id: admin.workspaceId }, data: settings });
    // The reports count messages per hour of the shop's clock: another clock, other hours.
    if (before && before.timeZone !== settings.timeZone) await recountMessages(admin.workspaceId, tx);
  }, { timeout: 60_000 });
  return settings;
}
