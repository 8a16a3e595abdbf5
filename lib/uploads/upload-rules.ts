// What may be uploaded as a reply attachment: an allow-list of content types (each mapped to the
// attachment type it is sent as). The largest size is max-upload-bytes.ts's; which platform takes
// which type and size is checked when the reply is sent (reply-input.ts, the platform's sender), and
// by the composer before it uploads (components/inbox/attachment-check.ts): browser-safe, no registry.
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

/** How people name each allowed content type: its usual file extension. */
export const contentTypeLabels: Record<string, string> = {
  "image/jpeg": "JPG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/webp": "WEBP",
  "video/mp4": "MP4",
  "video/quicktime": "MOV",
  "video/webm": "WEBM",
  "audio/mpeg": "MP3",
  "audio/mp4": "M4A",
  "audio/aac": "AAC",
  "audio/ogg": "OGG",
  "audio/wav": "WAV",
  "audio/webm": "WEBA",
  "application/pdf": "PDF",
  "text/plain": "TXT",
  "text/csv": "CSV",
  "application/zip": "ZIP",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.ms-powerpoint": "PPT",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
};

/** "image/JPEG; charset=x" → "image/jpeg". */
export function baseContentType(contentType: string): string {
  return contentType.split(";")[0]?.trim().toLowerCase() ?? "";
}

export function attachmentTypeOf(contentType: string): SendableAttachmentType | null {
  return allowedUploadTypes[baseContentType(contentType)] ?? null;
}

/** A display name without folders or control characters, so it is safe in a header and in the UI. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return [...printable].slice(0, 200).join("") || "file";
}

/** 32 base64url characters of randomness: unguessable, and nothing else can pass as an id. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
