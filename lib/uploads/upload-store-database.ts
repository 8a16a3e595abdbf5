// Uploads in the shared PostgreSQL (UploadBlob), for several app processes: no new service to run,
// and one row insert is atomic, so a half-stored file is never served. Downloads are read in slices
// (the column is stored uncompressed out of line, so PostgreSQL fetches only the slice), which keeps
// a 25 MB file from sitting whole in the server's memory while a slow client reads it.
import { db } from "@/lib/db";
import { uploadMetaSchema } from "@/lib/uploads/upload-meta";
import { UPLOAD_ID_PATTERN } from "@/lib/uploads/upload-rules";
import type { UploadStore } from "@/lib/uploads/upload-store";

const SLICE_BYTES = 1024 * 1024;

/** The bytes of one upload, one slice per read; fails if the row disappears in the middle. */
function sliceStream(id: string, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= size) {
        controller.close();
        return;
      }
      // substring on bytea counts from 1.
      const rows = await db().$queryRaw<{ slice: Uint8Array }[]>`
        SELECT substring("bytes" FROM ${offset + 1}::int FOR ${SLICE_BYTES}::int) AS slice FROM "UploadBlob" WHERE "id" = ${id}`;
      const slice = rows[0]?.slice;
      if (!slice || slice.length === 0) {
        controller.error(new Error(`Upload ${id} disappeared while it was being read`));
        return;
      }
      offset += slice.length;
      controller.enqueue(slice);
    },
  });
}

export const databaseUploadStore: UploadStore = {
  async put(meta, bytes) {
    await db().uploadBlob.create({ data: { ...meta, uploadedAt: new Date(meta.uploadedAt), bytes } });
  },

  async open(id) {
    if (!UPLOAD_ID_PATTERN.test(id)) return null;
    const row = await db().uploadBlob.findUnique({ where: { id }, omit: { bytes: true, attachedAt: true } });
    if (!row) return null;
    const meta = uploadMetaSchema.safeParse({ ...row, uploadedAt: row.uploadedAt.toISOString() });
    if (!meta.success) return null;
    return { meta: meta.data, body: sliceStream(id, meta.data.size) };
  },

  async markAttached(tx, ids) {
    if (ids.length === 0) return;
    await tx.uploadBlob.updateMany({ where: { id: { in: [...ids] }, attachedAt: null }, data: { attachedAt: new Date() } });
  },

  async pruneAbandoned(cutoff) {
    const { count } = await db().uploadBlob.deleteMany({ where: { attachedAt: null, uploadedAt: { lt: cutoff } } });
    return count;
  },
};
