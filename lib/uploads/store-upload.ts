// Stores a file an agent attaches to a reply, after checking its type and size, in the configured
// upload store (upload-store.ts).
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/max-upload-bytes";
import { attachmentTypeOf, baseContentType, cleanFileName } from "@/lib/uploads/upload-rules";
import { toUploadDto, type UploadDto, type UploadMeta } from "@/lib/uploads/upload-meta";
import { uploadStore } from "@/lib/uploads/upload-store";

export async function storeUpload(file: File, uploadedById: string): Promise<UploadDto> {
  const type = attachmentTypeOf(file.type);
  if (!type) {
    throw new AppError("invalid_input", "This kind of file cannot be sent on Messenger.", {
      reason: "file_type_not_allowed",
      contentType: file.type || "unknown",
    });
  }
  if (file.size > MAX_UPLOAD_BYTES) throw fileTooLarge();
  if (file.size === 0) throw new AppError("invalid_input", "The file is empty.", { reason: "file_empty" });

  const id = randomBytes(24).toString("base64url");
  const meta: UploadMeta = {
    id,
    type,
    contentType: baseContentType(file.type),
    name: cleanFileName(file.name),
    size: file.size,
    uploadedById,
    uploadedAt: new Date().toISOString(),
  };
  await uploadStore().put(meta, new Uint8Array(await file.arrayBuffer()));
  return toUploadDto(meta);
}

export function fileTooLarge(): AppError {
  const limitMb = MAX_UPLOAD_BYTES / 1024 / 1024;
  return new AppError("payload_too_large", `Messenger accepts files up to ${limitMb} MB.`, { reason: "file_too_large", limitMb });
}
