// A workspace always keeps an active admin: nobody else could manage its staff, rules or pages.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Call first in the transaction that demotes or deactivates `userId`. The active admins' rows stay
 * locked until it ends, so two admins demoting or locking each other at once are taken one after
 * the other, and the second sees that nobody would be left. User rows before rule rows, as
 * deactivation already orders them (lock-rows.ts).
 */
export async function assertAnotherActiveAdmin(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE "workspaceId" = ${workspaceId} AND role = 'admin' AND active ORDER BY id FOR UPDATE`;
  if (admins.some(({ id }) => id === userId) && admins.length === 1) {
    throw new AppError("invalid_input", "The workspace needs at least one active admin.", {}, { role: ["last_admin"] });
  }
}
