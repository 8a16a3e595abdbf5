// The channels the asker manages with their status (settings pages, the reconnect banner): all of
// the workspace's for admins, their own for staff.
import { NextResponse } from "next/server";
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute } from "@/lib/http/json-route";
import { listChannels } from "@/lib/channels/list-channels";

export const GET = jsonRoute(async () => {
  const user = await requireChannelManager();
  return NextResponse.json({ channels: await listChannels(user) });
});
