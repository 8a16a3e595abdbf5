// An admin deletes a label: it comes off every conversation (the join rows cascade), and the lists
// and filters of everyone in the workspace drop it.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { publishLabelsChanged } from "@/lib/labels/publish-labels-changed";

export async function deleteLabel(user: SessionUser, labelId: string): Promise<void> {
  assertAdmin(user);
  const { count } = await db().label.deleteMany({ where: { id: labelId, workspaceId: user.workspaceId } });
  if (count === 0) throw new AppError("not_found", "No such label in this workspace.");
  publishLabelsChanged(user.workspaceId);
}
