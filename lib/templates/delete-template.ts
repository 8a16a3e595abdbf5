// Deletes a template its manager may change (template-access.ts). Its files are not deleted: replies
// sent with the template show the same uploads in their threads, and the cleanup never takes a file
// once marked as in use.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertMayManage } from "@/lib/templates/template-access";

export async function deleteTemplate(user: SessionUser, templateId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.messageTemplate.findFirst({ where: { id: templateId, workspaceId: user.workspaceId }, select: { ownerId: true } });
    if (!current) throw new AppError("not_found", "No such template in this workspace.");
    assertMayManage(user, current);
    // deleteMany: a second delete racing this one finds nothing to do rather than failing.
    await tx.messageTemplate.deleteMany({ where: { id: templateId } });
  });
}
