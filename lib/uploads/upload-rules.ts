// How an uploaded reply attachment is named and stored: a clean display name and an unguessable id.
// What may be uploaded: the content types of upload-types.ts, up to max-upload-bytes.ts.

/** A display name without folders or control characters, so it is safe in a header and in the UI. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return [...printable].slice(0, 200).join("") || "file";
}

/** 32 base64url characters of randomness: unguessable, and nothing else can pass as an id. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
