// Finds an uploaded file by id for GET /api/uploads/[id]; null for an id that is malformed or unknown.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { uploadMetaSchema, uploadPaths, type UploadMeta } from "@/lib/uploads/upload-storage";

export async function readUpload(id: string): Promise<{ meta: UploadMeta; body: ReadableStream<Uint8Array> } | null> {
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
}
