import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { readUpload } from "@/lib/uploads/read-upload";

/**
 * GET /api/uploads/[id]: public (the platform fetches attachments without our session; the random
 * id is the secret). Served so a browser never runs it: the type from our allow-list, nosniff and a
 * sandboxing CSP.
 */
export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const upload = await readUpload((await params).id);
  if (!upload) throw new AppError("not_found", "No such file.");
  const { meta, body } = upload;
  const disposition = meta.type === "file" ? "attachment" : "inline";
  return new Response(body, {
    headers: {
      "content-type": meta.contentType,
      "content-length": String(meta.size),
      "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
});
