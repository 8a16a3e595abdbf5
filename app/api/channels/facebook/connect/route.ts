// "Kết nối fanpage này": connects (or reconnects) one of the admin's pages.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";

const bodySchema = z.object({ pageId: z.string().regex(/^\d{1,32}$/) });

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const { pageId } = await readJson(request, bodySchema);
  return NextResponse.json(await connectFacebookPage(admin, pageId));
});
