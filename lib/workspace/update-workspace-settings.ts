// An admin saves "Cài đặt cửa hàng": the whole form at once, so what is saved is what was shown.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import type { WorkspaceSettings } from "@/lib/workspace/workspace-settings";

export async function updateWorkspaceSettings(admin: SessionUser, settings: WorkspaceSettings): Promise<WorkspaceSettings> {
  await db().workspace.update({ where: { id: admin.workspaceId }, data: settings });
  return settings;
}
