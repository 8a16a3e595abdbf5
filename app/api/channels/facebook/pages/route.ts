// The signed-in user's Facebook pages with their state here (wizard steps 3-4).
import { NextResponse } from "next/server";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute } from "@/lib/http/json-route";
import { listFacebookPages } from "@/lib/channels/facebook/list-facebook-pages";

export const GET = jsonRoute(async () => {
  const user = await requireChannelManager();
  return NextResponse.json(await listFacebookPages(user));
});
