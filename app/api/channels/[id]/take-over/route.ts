// "Tiếp quản": a workspace admin makes a channel someone else connected their own (audited).
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { takeOverChannel } from "@/lib/channels/take-over-channel";

export const POST = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  await takeOverChannel(admin, (await params).id);
  return new Response(null, { status: 204 });
});
