// Uploads nobody sent: an agent attached a file, then removed it or left the draft. Such files are
// deleted a day after upload; a file a reply uses (marked by markUploadsAttached, before the reply
// is stored) stays as long as the thread shows it. Half-written files left by a crash go too.
import { readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadIdFromUrl, uploadMetaSchema, uploadPaths, uploadsDir } from "@/lib/uploads/upload-storage";
import type { StoredAttachment } from "@/lib/inbox/inbound-event";

export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** Marks our uploads among a reply's attachments as in use. Idempotent. */
export async function markUploadsAttached(attachments: readonly StoredAttachment[]): Promise<void> {
  for (const attachment of attachments) {
    const paths = uploadPaths(uploadIdFromUrl(attachment.url ?? "") ?? "");
    if (paths) await writeFile(paths.attached, "");
  }
}

/** The file's modification time, or null when it is gone (another upload or cleanup moved it). */
function modifiedAt(file: string): Promise<number | null> {
  return stat(file).then(
    (info) => info.mtimeMs,
    () => null,
  );
}

/** When the upload was made: from its metadata, or the file's own time if that is unreadable (gone: never old). */
async function uploadedAt(metaFile: string): Promise<number> {
  try {
    const meta = uploadMetaSchema.safeParse(JSON.parse(await readFile(metaFile, "utf8")));
    if (meta.success) return Date.parse(meta.data.uploadedAt);
  } catch {
    // Being written right now, or damaged: fall back to the file's time.
  }
  return (await modifiedAt(metaFile)) ?? Number.POSITIVE_INFINITY;
}

/** Deletes abandoned uploads; returns how many. */
export async function pruneAbandonedUploads(now = new Date()): Promise<number> {
  const names = await readdir(uploadsDir()).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const cutoff = now.getTime() - ABANDONED_UPLOAD_MS;
  let removed = 0;
  for (const name of names) {
    if (name.endsWith(".part")) {
      const file = path.join(uploadsDir(), name);
      if (((await modifiedAt(file)) ?? cutoff) < cutoff) await rm(file, { force: true });
      continue;
    }
    if (!name.endsWith(".json")) continue;
    const paths = uploadPaths(name.slice(0, -".json".length));
    if (!paths || (await modifiedAt(paths.attached)) !== null || (await uploadedAt(paths.meta)) >= cutoff) continue;
    await rm(paths.file, { force: true });
    await rm(paths.meta, { force: true });
    removed++;
  }
  return removed;
}
