// An attachment's bytes handed to Zalo before the send (docs/platforms/zalo.md, "Uploads"): an image
// to /v2.0/oa/upload/image (≤ 1 MB) for an attachment_id, a PDF/DOC/DOCX file to /v2.0/oa/upload/file
// (≤ 5 MB) for a token. Our own uploads are read from the upload store; other links are downloaded, up to the limit.
import { z } from "zod";
import { readUpload } from "@/lib/uploads/read-upload";
import { uploadIdFromUrl } from "@/lib/uploads/upload-meta";
import type { SendableAttachmentType } from "@/lib/channels/outbound-content";
import type { ZaloMedia } from "@/lib/channels/zalo/send-payload";
import { oaRequest, ZaloError } from "@/lib/channels/zalo/zalo-client";

export const MAX_IMAGE_BYTES = 1024 * 1024;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The only images Zalo's image upload takes (GIFs have their own upload, which we do not use). */
export const IMAGE_CONTENT_TYPES: readonly string[] = ["image/jpeg", "image/png"];
/** The only documents Zalo's file upload takes. */
export const FILE_CONTENT_TYPES: readonly string[] = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

const UPLOAD_TIMEOUT_MS = 30_000;

/** Zalo's -210 ("invalid parameter"): the refusal a file it cannot take gets, decided here first. */
const refused = (why: string) => new ZaloError(200, -210, why);

interface LoadedFile {
  bytes: Blob;
  name: string;
  contentType: string;
}

async function loadFile(url: string, limit: number): Promise<LoadedFile> {
  const uploadId = uploadIdFromUrl(url);
  if (uploadId) {
    const upload = await readUpload(uploadId);
    if (!upload) throw refused("The attached file is no longer stored");
    if (upload.meta.size > limit) throw refused(`The file is larger than Zalo's ${limit / 1024 / 1024} MB`);
    const bytes = await new Response(upload.body).blob();
    return { bytes, name: upload.meta.name, contentType: upload.meta.contentType };
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  } catch {
    throw new ZaloError(0, 0, "The attachment could not be downloaded", "network");
  }
  if (!response.ok) throw refused(`The attachment's link answered HTTP ${response.status}`);
  const bytes = await response.blob();
  if (bytes.size > limit) throw refused(`The file is larger than Zalo's ${limit / 1024 / 1024} MB`);
  const name = decodeURIComponent(new URL(url).pathname.split("/").pop() || "file");
  return { bytes, name, contentType: (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "" };
}

const imageUploadSchema = z.object({ data: z.object({ attachment_id: z.string().min(1) }) });
const fileUploadSchema = z.object({ data: z.object({ token: z.string().min(1) }) });

async function upload<T>(accessToken: string, path: string, file: LoadedFile, schema: z.ZodType<T>): Promise<T> {
  const form = new FormData();
  form.set("file", new File([file.bytes], file.name, { type: file.contentType }));
  return oaRequest(accessToken, { method: "POST", path, multipart: form, schema, timeoutMs: UPLOAD_TIMEOUT_MS });
}

/** Zalo's reference to the attachment's bytes, uploading them when Zalo needs its own copy. */
export async function uploadMedia(accessToken: string, type: SendableAttachmentType, url: string): Promise<ZaloMedia> {
  if (type === "image") {
    const file = await loadFile(url, MAX_IMAGE_BYTES);
    const { data } = await upload(accessToken, "/v2.0/oa/upload/image", file, imageUploadSchema);
    return { kind: "image", attachmentId: data.attachment_id };
  }
  if (type === "file") {
    const file = await loadFile(url, MAX_FILE_BYTES);
    if (!FILE_CONTENT_TYPES.includes(file.contentType)) throw refused("Zalo sends only PDF, DOC and DOCX files");
    const { data } = await upload(accessToken, "/v2.0/oa/upload/file", file, fileUploadSchema);
    return { kind: "file", token: data.token };
  }
  throw refused(`Zalo cannot send a ${type} attachment through the OA API`);
}
