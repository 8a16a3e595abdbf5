// The wizard's chat-permission step for one channel ("Không, chỉ mình tôi" / "Có, tiếp tục").
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { chatModeChoiceSchema } from "@/lib/channels/chat-mode-schema";
import { setChannelChatMode } from "@/lib/channels/set-channel-chat-mode";

export const PUT = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireAdmin();
  const choice = await readJson(request, chatModeChoiceSchema);
  await setChannelChatMode(admin, (await params).id, choice);
  return new Response(null, { status: 204 });
});
