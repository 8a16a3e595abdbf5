// The workspace's settings as "Cài đặt cửa hàng" shows them.
import { db } from "@/lib/db";
import { workingHoursSchema, type WorkspaceSettings } from "@/lib/workspace/workspace-settings";

export async function readWorkspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { name: true, timeZone: true, workingHours: true, staffMayConnectOwnPages: true },
  });
  // Stored by the same schema; a row edited by hand into another shape reads as "not said".
  const hours = workingHoursSchema.safeParse(workspace.workingHours);
  return {
    name: workspace.name,
    timeZone: workspace.timeZone,
    workingHours: hours.success ? hours.data : {},
    staffMayConnectOwnPages: workspace.staffMayConnectOwnPages,
  };
}
