// Finds an uploaded file by id for GET /api/uploads/[id]; null for an id that is malformed or unknown.
import { uploadStore, type StoredUpload } from "@/lib/uploads/upload-store";

export function readUpload(id: string): Promise<StoredUpload | null> {
  return uploadStore().open(id);
}
