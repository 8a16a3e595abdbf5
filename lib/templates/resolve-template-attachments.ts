// The files a template is saved with, read from the upload store by id (POST /api/uploads made
// them): their type, name and size come from the store, never from the request, and an id that
// names no stored file is refused.
import { AppError } from "@/lib/errors";
import { readUpload } from "@/lib/uploads/read-upload";
import type { StoredTemplateAttachment } from "@/lib/templates/template-dto";

export async function resolveTemplateAttachments(uploadIds: readonly string[]): Promise<StoredTemplateAttachment[]> {
  const resolved: StoredTemplateAttachment[] = [];
  for (const uploadId of uploadIds) {
    const upload = await readUpload(uploadId);
    if (!upload) {
      throw new AppError("invalid_input", "An attached file is no longer stored; attach it again.", { reason: "upload_not_found" }, { attachments: ["upload_not_found"] });
    }
    // Only the metadata is wanted: let the store close the file or stop reading slices.
    await upload.body.cancel();
    const { type, name, contentType, size } = upload.meta;
    resolved.push({ uploadId, type, name, contentType, size });
  }
  return resolved;
}
