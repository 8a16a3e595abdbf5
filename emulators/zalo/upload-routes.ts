// Uploads (multipart field `file`): images ≤ 1 MB → attachment_id, files ≤ 5 MB (PDF/DOC/DOCX) → token,
// GIFs ≤ 5 MB → attachment_id. Only the name, size and type are kept: sends link to placeholders.
import type { RequestContext, Router } from "../shared/http-router";
import type { ZaloDeps } from "./oa-outgoing";
import { authenticate, sendSuccess } from "./open-api-request";
import type { Upload } from "./world-types";
import { zaloErrors } from "./zalo-errors";

const MB = 1024 * 1024;

interface UploadRule {
  kind: Upload["kind"];
  maxBytes: number;
  limitLabel: string;
  mimeTypes: string[];
  /** The field of `data` the handle is returned in. */
  field: "attachment_id" | "token";
}

const RULES: UploadRule[] = [
  {
    kind: "image",
    maxBytes: MB,
    limitLabel: "1MB",
    mimeTypes: ["image/jpeg", "image/png", "image/jpg"],
    field: "attachment_id",
  },
  {
    kind: "file",
    maxBytes: 5 * MB,
    limitLabel: "5MB",
    mimeTypes: [
      "application/pdf",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    field: "token",
  },
  { kind: "gif", maxBytes: 5 * MB, limitLabel: "5MB", mimeTypes: ["image/gif"], field: "attachment_id" },
];

/** Any upload body up to this size is read; the per-kind limits above answer with Zalo's error. */
export const MAX_UPLOAD_REQUEST_BYTES = 8 * MB;

export function addUploadRoutes(router: Router, deps: ZaloDeps): void {
  for (const rule of RULES)
    router.on("POST", `/v2.0/oa/upload/${rule.kind}`, (ctx) => upload(deps, ctx, rule));
}

async function upload(deps: ZaloDeps, ctx: RequestContext, rule: UploadRule): Promise<void> {
  const { world } = deps;
  const oa = authenticate(world, ctx);
  const file = await multipartFile(ctx);
  if (file.size > rule.maxBytes) throw zaloErrors.fileTooLarge(rule.limitLabel);
  const mimeType = mimeTypeOf(file);
  if (!rule.mimeTypes.includes(mimeType))
    throw rule.kind === "file"
      ? zaloErrors.unsupportedFile()
      : zaloErrors.invalidParam(`file must be ${rule.mimeTypes.join(", ")}`);
  const id = world.ids.uploadId(rule.kind);
  world.uploads.set(id, { id, oaId: oa.id, kind: rule.kind, name: file.name, size: file.size, mimeType });
  sendSuccess(ctx, { [rule.field]: id });
}

async function multipartFile(ctx: RequestContext): Promise<File> {
  const contentType = ctx.req.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data"))
    throw zaloErrors.invalidParam("expected multipart/form-data with a file");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(ctx.rawBody), {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    throw zaloErrors.invalidParam("malformed multipart body");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw zaloErrors.invalidParam("file is required");
  return file;
}

/** The part's type, or one guessed from the name when a client sends application/octet-stream. */
function mimeTypeOf(file: File): string {
  if (file.type && file.type !== "application/octet-stream") return file.type;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  const byExtension: Record<string, string> = {
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    gif: "image/gif",
    pdf: "application/pdf",
    doc: "application/msword",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
  return byExtension[extension] ?? file.type;
}
