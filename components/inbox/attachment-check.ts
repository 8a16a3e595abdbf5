// Whether the conversation's platform takes a picked file, judged in the browser before anything is
// uploaded: its kind (from the content type, as the upload route classifies it) must be one the
// platform sends, and its size within the platform's limit for that kind (Zalo: images 1 MB, files
// 5 MB). Pure, so the rule is tested without a browser.
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import type { SendableAttachmentType } from "@/lib/channels/outbound-content";
import { attachmentTypeOf } from "@/lib/uploads/upload-rules";

export type AttachmentProblem =
  | { reason: "type_refused" }
  | { reason: "too_large"; type: SendableAttachmentType; limitBytes: number };

export function attachmentProblem(file: { type: string; size: number }, capabilities: Pick<ChannelCapabilities, "attachments">): AttachmentProblem | null {
  const type = attachmentTypeOf(file.type);
  if (!type || !capabilities.attachments.types.includes(type)) return { reason: "type_refused" };
  const limitBytes = capabilities.attachments.maxBytes[type];
  if (limitBytes === undefined) return { reason: "type_refused" };
  return file.size > limitBytes ? { reason: "too_large", type, limitBytes } : null;
}

/** "1 MB", "5 MB", "512 KB": limits as platforms state them (binary megabytes, whole when they are). */
export function formatLimit(bytes: number): { amount: number; unit: "MB" | "KB" } {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? { amount: Math.round(mb * 10) / 10, unit: "MB" } : { amount: Math.round(bytes / 1024), unit: "KB" };
}
