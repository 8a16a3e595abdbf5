// Creates the workspace and its first admin on an empty database, for the setup screen and for
// `npm run admin:create`. Both take the same transaction-scoped advisory lock first, so however
// many submissions and commands race, the first one founds the workspace and the rest find an
// account already there.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordStaffChange } from "@/lib/staff/record-staff-change";

export interface FoundingAdmin {
  name: string;
  email: string;
  passwordHash: string;
}

/** Taken before anything else in the transaction; released when it ends. */
export async function lockFirstRun(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('first-run-setup'))`;
}

/** Call after lockFirstRun; `not_found` once anyone has an account (the setup is over). */
export async function foundWorkspace(
  tx: Tx,
  shop: { name: string; timeZone: string },
  admin: FoundingAdmin,
): Promise<{ workspaceId: string; userId: string }> {
  if ((await tx.user.count()) > 0) throw new AppError("not_found", "The shop is already set up.");
  const workspace = await tx.workspace.create({ data: { name: shop.name, timeZone: shop.timeZone } });
  const user = await tx.user.create({ data: { ...admin, role: "admin", workspaceId: workspace.id }, select: { id: true } });
  await recordStaffChange(tx, { workspaceId: workspace.id, kind: "added", actorUserId: null, target: admin, detail: "admin" });
  // The link has done its job: nobody can use it again, even if another admin is removed later.
  await tx.setupToken.deleteMany();
  return { workspaceId: workspace.id, userId: user.id };
}
