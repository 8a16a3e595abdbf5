// Where reply attachments are kept. One process keeps them on its disk (UPLOADS_DIR); several
// processes behind a load balancer keep them in the shared PostgreSQL, so a file uploaded through
// one process is served by any other and pruned once. UPLOAD_STORAGE chooses (lib/env.ts).
import type { Tx } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import type { UploadMeta } from "@/lib/uploads/upload-meta";
import { diskUploadStore } from "@/lib/uploads/upload-store-disk";
import { databaseUploadStore } from "@/lib/uploads/upload-store-database";

export interface StoredUpload {
  meta: UploadMeta;
  body: ReadableStream<Uint8Array>;
}

export interface UploadStore {
  /** Keeps a checked file under meta.id; a half-written file is never served. */
  put(meta: UploadMeta, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The upload with a well-formed id, or null when it is unknown (or not completely stored). */
  open(id: string): Promise<StoredUpload | null>;
  /** Marks uploads as used by a reply, in the transaction that stores the reply. Idempotent. */
  markAttached(tx: Tx, ids: readonly string[]): Promise<void>;
  /** Deletes uploads made before `cutoff` that no reply uses; returns how many. */
  pruneAbandoned(cutoff: Date): Promise<number>;
}

const stores = { disk: diskUploadStore, database: databaseUploadStore } satisfies Record<Env["UPLOAD_STORAGE"], UploadStore>;

export function uploadStore(): UploadStore {
  return stores[env().UPLOAD_STORAGE];
}
