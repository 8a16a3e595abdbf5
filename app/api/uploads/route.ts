import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { readUploadForm } from "@/lib/uploads/read-upload-form";
import { storeUpload } from "@/lib/uploads/store-upload";

/** POST /api/uploads (multipart, field "file"): stores a reply attachment; 201 {id, url, type, contentType, name, size}. */
export const POST = jsonRoute(async (request) => {
  const user = await requireUser();
  const upload = await storeUpload(await readUploadForm(request), user.id);
  return NextResponse.json(upload, { status: 201 });
});
