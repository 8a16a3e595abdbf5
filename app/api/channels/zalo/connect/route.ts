// "Kết nối OA này": connects (or reconnects) one of the OAs the admin authorised.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { connectZaloOa } from "@/lib/channels/zalo/connect-zalo-oa";

const bodySchema = z.object({ oaId: z.string().regex(/^\d{1,32}$/) });

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const { oaId } = await readJson(request, bodySchema);
  return NextResponse.json(await connectZaloOa(admin, oaId));
});
