// What may be uploaded as a reply attachment: the content types of upload-types.ts and the largest
// file any platform takes (Messenger's 25 MB). Which platform takes which type and size is checked
// when the reply is sent (reply-input.ts), and by the composer before it uploads.
import { providers } from "@/lib/channels/registry";

export const MAX_UPLOAD_BYTES = Math.max(
  ...Object.values(providers).flatMap((provider) => Object.values(provider.capabilities.attachments.maxBytes)),
);

/** A display name without folders or control characters, so it is safe in a header and in the UI. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return [...printable].slice(0, 200).join("") || "file";
}

/** 32 base64url characters of randomness: unguessable, and nothing else can pass as an id. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
