// "Kết nối fanpage này": connects (or reconnects) one of the user's pages.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";

const bodySchema = z.object({ pageId: z.string().regex(/^\d{1,32}$/) });

export const POST = jsonRoute(async (request) => {
  const user = await requireChannelManager();
  const { pageId } = await readJson(request, bodySchema);
  return NextResponse.json(await connectFacebookPage(user, pageId));
});
