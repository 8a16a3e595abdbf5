// Writes one line of the staff page's history ("who changed whom, when"), inside the transaction
// that makes the change, so the history never shows a change that did not happen or misses one.
import type { Tx } from "@/lib/db";
import type { StaffChangeKind } from "@/lib/generated/prisma/enums";

export interface StaffChangeRecord {
  workspaceId: string;
  kind: StaffChangeKind;
  /** Null when people act on themselves (joining, using a reset link) or a shell command acts. */
  actorUserId: string | null;
  target: { name: string; email: string };
  detail?: string;
}

export async function recordStaffChange(tx: Tx, change: StaffChangeRecord): Promise<void> {
  await tx.staffChange.create({
    data: {
      workspaceId: change.workspaceId,
      kind: change.kind,
      actorUserId: change.actorUserId,
      targetName: change.target.name,
      targetEmail: change.target.email,
      detail: change.detail ?? null,
    },
  });
}
