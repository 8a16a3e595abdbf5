// An admin saves "Cài đặt cửa hàng": the whole form at once, so what is saved is what was shown.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import type { WorkspaceSettings } from "@/lib/workspace/workspace-settings";

export async function updateWorkspaceSettings(admin: SessionUser, settings: WorkspaceSettings): Promise<WorkspaceSettings> {
  // The route checks the role first; checked again here because the setting decides who may
  // connect channels, and a caller that forgot the check would let an agent grant it to themselves.
  assertAdmin(admin);
  await db().workspace.update({ where: { id: admin.workspaceId }, data: settings });
  return settings;
}
