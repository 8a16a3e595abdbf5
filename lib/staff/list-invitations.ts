// The invitations nobody has accepted or revoked yet, expired ones included (they can be resent).
import { db } from "@/lib/db";

export const invitationSelect = { id: true, name: true, email: true, role: true, expiresAt: true } as const;

export function listPendingInvitations(workspaceId: string) {
  return db().staffLink.findMany({
    where: { workspaceId, kind: "invitation", usedAt: null, revokedAt: null },
    select: invitationSelect,
    orderBy: { createdAt: "desc" },
  });
}

export type PendingInvitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];
