// The one-line preview a conversation shows in the list. Attachments become a language-neutral
// symbol, so the stored preview reads the same in Vietnamese and English.
import type { StoredAttachment } from "@/lib/inbox/inbound-event";
import { stickerEmoji } from "@/lib/channels/registry";

const PREVIEW_LENGTH = 200;

const attachmentSymbol: Record<StoredAttachment["type"], string> = {
  image: "📷",
  video: "🎬",
  audio: "🎤",
  file: "📎",
  sticker: "🙂",
  location: "📍",
  fallback: "🔗",
};

function symbolOf(attachment: StoredAttachment): string {
  const gesture = attachment.type === "sticker" && attachment.stickerId ? stickerEmoji[attachment.stickerId] : undefined;
  if (gesture) return gesture;
  const label = attachment.type === "file" ? attachment.name : attachment.title;
  return label ? `${attachmentSymbol[attachment.type]} ${label}` : attachmentSymbol[attachment.type];
}

export function messagePreview(content: { text: string | null; attachments: StoredAttachment[] }): string {
  const text = content.text?.replace(/\s+/g, " ").trim();
  const preview = text || content.attachments.map(symbolOf).join(" ") || "…";
  // By code points, so an emoji is never cut in half.
  const characters = [...preview];
  return characters.length > PREVIEW_LENGTH ? `${characters.slice(0, PREVIEW_LENGTH - 1).join("")}…` : preview;
}
