// Uploads on the local disk, for a single process: UPLOADS_DIR/<id> holds the bytes, <id>.json what
// we know about them, and <id>.attached (empty) says a reply uses it. The bytes are written under a
// temporary name (<id>.part) and renamed, so a half-written file is never served.
import { createReadStream } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";
import { UPLOAD_ID_PATTERN } from "@/lib/uploads/upload-rules";
import { uploadMetaSchema } from "@/lib/uploads/upload-meta";
import type { UploadStore } from "@/lib/uploads/upload-store";

function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR);
}

function uploadPaths(id: string): { file: string; meta: string; attached: string } | null {
  if (!UPLOAD_ID_PATTERN.test(id)) return null;
  const dir = uploadsDir();
  return { file: path.join(dir, id), meta: path.join(dir, `${id}.json`), attached: path.join(dir, `${id}.attached`) };
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

export const diskUploadStore: UploadStore = {
  async put(meta, bytes) {
    const paths = uploadPaths(meta.id);
    if (!paths) throw new Error("Upload id does not match its own pattern");
    await mkdir(uploadsDir(), { recursive: true });
    const partial = `${paths.file}.part`;
    await writeFile(partial, bytes, { flag: "wx" });
    await writeFile(paths.meta, JSON.stringify(meta), { flag: "wx" });
    await rename(partial, paths.file);
  },

  async open(id) {
    const paths = uploadPaths(id);
    if (!paths) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(paths.meta, "utf8"));
    } catch {
      return null;
    }
    const meta = uploadMetaSchema.safeParse(raw);
    if (!meta.success || meta.data.id !== id) return null;
    const stream = createReadStream(paths.file);
    // The metadata is written before the bytes are renamed into place: wait for the file to exist.
    const opened = await new Promise<boolean>((resolve) => {
      stream.once("open", () => resolve(true));
      stream.once("error", () => resolve(false));
    });
    if (!opened) return null;
    return { meta: meta.data, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
  },

  // The marker is a file: it cannot join the reply's transaction, so the caller marks last, just
  // before the commit (send-reply.ts).
  async markAttached(_tx, ids) {
    for (const id of ids) {
      const paths = uploadPaths(id);
      if (paths) await writeFile(paths.attached, "");
    }
  },

  async pruneAbandoned(cutoff) {
    const names = await readdir(uploadsDir()).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [] as string[];
      throw error;
    });
    const before = cutoff.getTime();
    let removed = 0;
    for (const name of names) {
      if (name.endsWith(".part")) {
        const file = path.join(uploadsDir(), name);
        if (((await modifiedAt(file)) ?? before) < before) await rm(file, { force: true });
        continue;
      }
      if (!name.endsWith(".json")) continue;
      const paths = uploadPaths(name.slice(0, -".json".length));
      if (!paths || (await modifiedAt(paths.attached)) !== null || (await uploadedAt(paths.meta)) >= before) continue;
      await rm(paths.file, { force: true });
      await rm(paths.meta, { force: true });
      removed++;
    }
    return removed;
  },
};
