// The one-line preview a conversation shows in the list. Attachments become a language-neutral
// symbol, so the stored preview reads the same in Vietnamese and English.
import type { StoredAttachment } from "@/lib/inbox/inbound-event";
import { LIKE_STICKER_ID } from "@/lib/channels/facebook/normalize-messaging-event";

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
  if (attachment.type === "sticker" && attachment.stickerId === LIKE_STICKER_ID) return "👍";
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
