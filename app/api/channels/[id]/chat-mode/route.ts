// The wizard's chat-permission step for one channel ("Không, chỉ mình tôi" / "Có, tiếp tục").
import { requireChannelManager } from "@/lib/channels/require-channel-manager";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { chatModeChoiceSchema } from "@/lib/channels/chat-mode-schema";
import { setChannelChatMode } from "@/lib/channels/set-channel-chat-mode";

export const PUT = jsonRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const user = await requireChannelManager();
  const choice = await readJson(request, chatModeChoiceSchema);
  await setChannelChatMode(user, (await params).id, choice);
  return new Response(null, { status: 204 });
});
