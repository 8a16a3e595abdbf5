// "Kết nối OA này": connects (or reconnects) one of the OAs the user authorised.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { connectZaloOa } from "@/lib/channels/zalo/connect-zalo-oa";

const bodySchema = z.object({ oaId: z.string().regex(/^\d{1,32}$/) });

export const POST = jsonRoute(async (request) => {
  const user = await requireChannelManager();
  const { oaId } = await readJson(request, bodySchema);
  return NextResponse.json(await connectZaloOa(user, oaId));
});
