// Deactivates or reactivates a staff account. Deactivation ends the person's sessions at once
// (sessionVersion) so a departing employee loses access immediately.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";

export async function setStaffActive(admin: SessionUser, userId: string, active: boolean) {
  if (userId === admin.id && !active) {
    throw new AppError("invalid_input", "You cannot deactivate your own account.", {}, { active: ["cannot_deactivate_self"] });
  }
  const result = await db().user.updateMany({
    where: { id: userId, workspaceId: admin.workspaceId },
    data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
  });
  if (result.count === 0) throw new AppError("not_found", "No such staff member in this workspace.");
}
