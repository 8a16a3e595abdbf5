// The workspace's channels with their status (settings pages, the reconnect banner).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listChannels } from "@/lib/channels/list-channels";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json({ channels: await listChannels(admin.workspaceId) });
});
