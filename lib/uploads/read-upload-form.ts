// Reads the multipart body of POST /api/uploads: one `file` field. The declared length is checked
// before anything is buffered, so an oversized body is refused without being read.
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/max-upload-bytes";
import { fileTooLarge } from "@/lib/uploads/store-upload";

/** Room for the multipart boundaries and headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export async function readUploadForm(request: Request): Promise<File> {
  const declared = Number(request.headers.get("content-length"));
  if (!Number.isFinite(declared) || declared <= 0) {
    throw new AppError("invalid_input", "The upload must declare its size (Content-Length).", { reason: "length_required" });
  }
  if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) throw fileTooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("invalid_input", "The upload is not a valid multipart form.", { reason: "not_multipart" });
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "Attach the file in a field named \"file\".", { reason: "file_missing" });
  return file;
}
