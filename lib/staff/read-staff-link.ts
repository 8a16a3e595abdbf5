// What the set-password page shows for a link: whom it is for and of which kind, or why it cannot
// be used, in the words the person can act on (ask for a new link, or sign in).
import { db } from "@/lib/db";
import { hashToken } from "@/lib/auth/one-time-token";
import type { StaffLinkKind } from "@/lib/generated/prisma/enums";

export type StaffLinkProblem = "link_unknown" | "link_expired" | "link_used" | "link_revoked";

export type StaffLinkView =
  | { ok: true; kind: StaffLinkKind; name: string; email: string; shopName: string }
  | { ok: false; reason: StaffLinkProblem };

/** Why a stored link cannot be used now, or null when it can. */
export function staffLinkProblem(link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now = new Date()): StaffLinkProblem | null {
  if (!link) return "link_unknown";
  if (link.usedAt) return "link_used";
  if (link.revokedAt) return "link_revoked";
  if (link.expiresAt <= now) return "link_expired";
  return null;
}

export async function readStaffLink(token: string): Promise<StaffLinkView> {
  const link = await db().staffLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, name: true, email: true, usedAt: true, revokedAt: true, expiresAt: true, workspace: { select: { name: true } } },
  });
  const problem = staffLinkProblem(link);
  if (problem || !link) return { ok: false, reason: problem ?? "link_unknown" };
  return { ok: true, kind: link.kind, name: link.name, email: link.email, shopName: link.workspace.name };
}
