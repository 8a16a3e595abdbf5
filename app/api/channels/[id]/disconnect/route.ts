// "Ngắt kết nối": disconnects a channel the asker manages, keeping its history.
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute } from "@/lib/http/json-route";
import { disconnectChannel } from "@/lib/channels/disconnect-channel";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const user = await requireChannelManager();
  await disconnectChannel(user, (await params).id);
  return new Response(null, { status: 204 });
});
