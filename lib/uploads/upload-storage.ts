// Where uploaded files live on disk: UPLOADS_DIR/<id> holds the bytes, UPLOADS_DIR/<id>.json what
// we know about them, and UPLOADS_DIR/<id>.attached (empty) says a reply uses it, so it is kept. Ids are checked against UPLOAD_ID_PATTERN before any path is built, so no
// request can reach outside the folder.
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";
import { SENDABLE_ATTACHMENT_TYPES } from "@/lib/channels/outbound-content";
import { UPLOAD_ID_PATTERN } from "@/lib/uploads/upload-rules";

export const uploadMetaSchema = z.object({
  id: z.string().regex(UPLOAD_ID_PATTERN),
  type: z.enum(SENDABLE_ATTACHMENT_TYPES),
  contentType: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  uploadedById: z.string(),
  uploadedAt: z.string(),
});
export type UploadMeta = z.infer<typeof uploadMetaSchema>;

/** What the composer gets back: `url` is what it puts in the reply's attachment. */
export interface UploadDto {
  id: string;
  url: string;
  type: UploadMeta["type"];
  contentType: string;
  name: string;
  size: number;
}

export function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR);
}

export function uploadPaths(id: string): { file: string; meta: string; attached: string } | null {
  if (!UPLOAD_ID_PATTERN.test(id)) return null;
  const dir = uploadsDir();
  return { file: path.join(dir, id), meta: path.join(dir, `${id}.json`), attached: path.join(dir, `${id}.attached`) };
}

/** Public, because Facebook downloads the file without our session; the random id is the secret. */
export function uploadUrl(id: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/uploads/${id}`;
}

/** The upload an attachment URL points to, when it is one of ours. */
export function uploadIdFromUrl(url: string): string | null {
  const prefix = uploadUrl("");
  if (!url.startsWith(prefix)) return null;
  const id = url.slice(prefix.length);
  return UPLOAD_ID_PATTERN.test(id) ? id : null;
}

export function toUploadDto(meta: UploadMeta): UploadDto {
  const { id, type, contentType, name, size } = meta;
  return { id, url: uploadUrl(id), type, contentType, name, size };
}
