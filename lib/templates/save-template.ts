// Creates and edits message templates: shared ones by admins, personal ones by their owner. The
// shortcut is unique per scope in its folded form ("Phí-ship" = "phi-ship"), enforced by the unique
// index so two saves racing cannot both win. The template's files are marked as in use, last before
// the commit (as a reply's are, send-reply.ts), so the unused-upload cleanup never removes them.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { markTemplateUploadsAttached } from "@/lib/uploads/prune-uploads";
import { assertMayManage, scopeFor } from "@/lib/templates/template-access";
import { templateDtoSelect, toTemplateDto, type TemplateDto } from "@/lib/templates/template-dto";
import { checkTemplateContent, type CreateTemplateInput, type TemplateContentInput } from "@/lib/templates/template-input";
import { shortcutKeyOf, templateSearchText } from "@/lib/templates/template-keys";
import { resolveTemplateAttachments } from "@/lib/templates/resolve-template-attachments";

export async function createTemplate(user: SessionUser, input: CreateTemplateInput): Promise<TemplateDto> {
  if (input.shared && user.role !== "admin") {
    throw new AppError("forbidden", "Only an admin can add shared templates.", { reason: "shared_template_admin_only" });
  }
  const content = await templateColumns(input);
  const row = await translateSaveErrors(input.shortcut, () =>
    db().$transaction(async (tx) => {
      const created = await tx.messageTemplate.create({
        data: { workspaceId: user.workspaceId, ownerId: input.shared ? null : user.id, scope: scopeFor(user, input.shared), ...content },
        select: templateDtoSelect,
      });
      await markTemplateUploadsAttached(tx, input.attachments);
      return created;
    }),
  );
  return toTemplateDto(row);
}

export async function updateTemplate(user: SessionUser, templateId: string, input: TemplateContentInput): Promise<TemplateDto> {
  const content = await templateColumns(input);
  const row = await translateSaveErrors(input.shortcut, () =>
    db().$transaction(async (tx) => {
      const current = await tx.messageTemplate.findFirst({ where: { id: templateId, workspaceId: user.workspaceId }, select: { ownerId: true } });
      if (!current) throw new AppError("not_found", "No such template in this workspace.");
      assertMayManage(user, current);
      const updated = await tx.messageTemplate.update({ where: { id: templateId }, data: content, select: templateDtoSelect });
      // Files the edit dropped stay marked: replies already sent with them show them in their threads.
      await markTemplateUploadsAttached(tx, input.attachments);
      return updated;
    }),
  );
  return toTemplateDto(row);
}

/** The stored columns of checked content, files read from the upload store. */
async function templateColumns(input: TemplateContentInput) {
  checkTemplateContent(input);
  return {
    shortcut: input.shortcut,
    shortcutKey: shortcutKeyOf(input.shortcut),
    text: input.text,
    attachments: await resolveTemplateAttachments(input.attachments),
    searchText: templateSearchText(input.shortcut, input.text),
  };
}

/**
 * The unique index on (workspace, scope, shortcutKey) is the one judge of a taken shortcut; a
 * template deleted while this edit was saved is gone (P2025).
 */
async function translateSaveErrors<T>(shortcut: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
    if (error.code === "P2025") throw new AppError("not_found", "No such template in this workspace.");
    if (error.code !== "P2002") throw error;
    throw new AppError("conflict", `The shortcut /${shortcut} is already used by another template.`, { reason: "shortcut_taken", shortcut }, { shortcut: ["shortcut_taken"] });
  }
}
