// Whether the conversation's platform takes a picked file, judged in the browser before anything is
// uploaded: its kind (from the content type, as the upload route classifies it) must be one the
// platform sends, in a format it takes for that kind (Zalo: JPG/PNG images, PDF/DOC/DOCX files), and
// its size within the platform's limit for that kind (Zalo: images 1 MB, files 5 MB). Pure, so the
// rule is tested without a browser.
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import type { SendableAttachmentType } from "@/lib/channels/outbound-content";
import { attachmentTypeOf, baseContentType, contentTypeLabels } from "@/lib/uploads/upload-rules";

type AttachmentRules = Pick<ChannelCapabilities, "attachments">;

export type AttachmentProblem =
  | { reason: "type_refused" }
  | { reason: "too_large"; type: SendableAttachmentType; limitBytes: number };

export function attachmentProblem(file: { type: string; size: number }, capabilities: AttachmentRules): AttachmentProblem | null {
  const type = attachmentTypeOf(file.type);
  if (!type || !capabilities.attachments.types.includes(type)) return { reason: "type_refused" };
  const formats = capabilities.attachments.contentTypes[type];
  if (formats && !formats.includes(baseContentType(file.type))) return { reason: "type_refused" };
  const limitBytes = capabilities.attachments.maxBytes[type];
  if (limitBytes === undefined) return { reason: "type_refused" };
  return file.size > limitBytes ? { reason: "too_large", type, limitBytes } : null;
}

/**
 * The formats a platform that names them takes, per kind ([{ type: "image", formats: ["JPG", "PNG"] }, …]),
 * for a refusal that says what would go; null for a platform that takes every format of its kinds.
 */
export function acceptedFormats(capabilities: AttachmentRules): { type: SendableAttachmentType; formats: string[] }[] | null {
  const { types, contentTypes } = capabilities.attachments;
  if (!types.some((type) => contentTypes[type])) return null;
  return types.map((type) => ({
    type,
    formats: (contentTypes[type] ?? Object.keys(contentTypeLabels).filter((contentType) => attachmentTypeOf(contentType) === type)).map(
      (contentType) => contentTypeLabels[contentType] ?? contentType,
    ),
  }));
}

/** "1 MB", "5 MB", "512 KB": limits as platforms state them (binary megabytes, whole when they are). */
export function formatLimit(bytes: number): { amount: number; unit: "MB" | "KB" } {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? { amount: Math.round(mb * 10) / 10, unit: "MB" } : { amount: Math.round(bytes / 1024), unit: "KB" };
}
