// Deactivates or reactivates a staff account. Deactivation ends the person's sessions at once
// (sessionVersion) so a departing employee loses access immediately.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { orphanConversationsOfDeactivatedUser } from "@/lib/assignment/handle-orphans";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";

export async function setStaffActive(admin: SessionUser, userId: string, active: boolean) {
  if (userId === admin.id && !active) {
    throw new AppError("invalid_input", "You cannot deactivate your own account.", {}, { active: ["cannot_deactivate_self"] });
  }
  // One transaction: the conversations a departing member held are released (handle-orphans.ts)
  // together with the deactivation, so none is left with a caretaker who can no longer sign in.
  const orphans = await db().$transaction(
    async (tx) => {
      const result = await tx.user.updateMany({
        where: { id: userId, workspaceId: admin.workspaceId },
        data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      });
      if (result.count === 0) throw new AppError("not_found", "No such staff member in this workspace.");
      return active ? [] : orphanConversationsOfDeactivatedUser(tx, { workspaceId: admin.workspaceId, userId, actorUserId: admin.id });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  await publishAssignmentChanges(orphans);
}
