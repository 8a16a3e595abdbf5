// The staff page's history: the newest changes to the workspace's people, with who made them.
import { db } from "@/lib/db";

/** Enough to see what happened lately; older lines stay in the table. */
const SHOWN_CHANGES = 50;

export function listStaffChanges(workspaceId: string) {
  return db().staffChange.findMany({
    where: { workspaceId },
    select: { id: true, kind: true, targetName: true, targetEmail: true, detail: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: SHOWN_CHANGES,
  });
}

export type StaffChangeLine = Awaited<ReturnType<typeof listStaffChanges>>[number];
