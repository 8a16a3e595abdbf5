// A template as the composer's picker and the settings screen get it: no folded columns, and each
// file as the composer's own uploads are (UploadDto: its URL is what a reply carries).
import { z } from "zod";
import { SENDABLE_ATTACHMENT_TYPES } from "@/lib/channels/outbound-content";
import { uploadUrl, type UploadDto } from "@/lib/uploads/upload-meta";
import { UPLOAD_ID_PATTERN } from "@/lib/uploads/upload-rules";

/** MessageTemplate.attachments as stored: what the upload was when the template was saved. */
export const storedTemplateAttachmentsSchema = z.array(
  z.object({
    uploadId: z.string().regex(UPLOAD_ID_PATTERN),
    type: z.enum(SENDABLE_ATTACHMENT_TYPES),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().nonnegative(),
  }),
);
export type StoredTemplateAttachment = z.infer<typeof storedTemplateAttachmentsSchema>[number];
/** Built once: a zod schema compiles itself on first use, which costs more than parsing 500 rows. */
const attachmentsOrNone = storedTemplateAttachmentsSchema.catch([]);

export interface TemplateDto {
  id: string;
  shortcut: string;
  text: string;
  /** The workspace's (admins manage it); otherwise the viewer's own. */
  shared: boolean;
  attachments: UploadDto[];
}

export const templateDtoSelect = { id: true, ownerId: true, shortcut: true, text: true, attachments: true } as const;

export function toTemplateDto(row: { id: string; ownerId: string | null; shortcut: string; text: string; attachments: unknown }): TemplateDto {
  // A row written by an older shape would lose its files here rather than break the whole list.
  const attachments = attachmentsOrNone.parse(row.attachments);
  return {
    id: row.id,
    shortcut: row.shortcut,
    text: row.text,
    shared: row.ownerId === null,
    attachments: attachments.map(({ uploadId, type, contentType, name, size }) => ({ id: uploadId, url: uploadUrl(uploadId), type, contentType, name, size })),
  };
}
