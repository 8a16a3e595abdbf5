// "Ngắt kết nối": disconnects a channel of the admin's workspace, keeping its history.
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { disconnectChannel } from "@/lib/channels/disconnect-channel";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  await disconnectChannel(admin, (await params).id);
  return new Response(null, { status: 204 });
});
