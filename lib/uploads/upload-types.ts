// The content types a reply attachment may have, each mapped to the attachment type it is sent as.
// Browser-safe (no registry): the composer classifies a picked file with it to check the platform's
// limits before uploading, and the upload route with it to accept or refuse the file.
import type { SendableAttachmentType } from "@/lib/channels/outbound-content";

/** Nothing a browser would run (HTML, SVG, scripts): uploads are served from the app's own origin. */
export const allowedUploadTypes: Record<string, SendableAttachmentType> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/gif": "image",
  "image/webp": "image",
  "video/mp4": "video",
  "video/quicktime": "video",
  "video/webm": "video",
  "audio/mpeg": "audio",
  "audio/mp4": "audio",
  "audio/aac": "audio",
  "audio/ogg": "audio",
  "audio/wav": "audio",
  "audio/webm": "audio",
  "application/pdf": "file",
  "text/plain": "file",
  "text/csv": "file",
  "application/zip": "file",
  "application/msword": "file",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "file",
  "application/vnd.ms-excel": "file",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "file",
  "application/vnd.ms-powerpoint": "file",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "file",
};

/** "image/JPEG; charset=x" → "image/jpeg". */
export function baseContentType(contentType: string): string {
  return contentType.split(";")[0]?.trim().toLowerCase() ?? "";
}

export function attachmentTypeOf(contentType: string): SendableAttachmentType | null {
  return allowedUploadTypes[baseContentType(contentType)] ?? null;
}
