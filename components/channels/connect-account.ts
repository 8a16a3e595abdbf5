// "Kết nối" on one platform account (a fanpage, an OA), the same on every platform's screen: the
// account's button spins, the connected notice names it, the chat-permission question follows when
// the channel needs one, and both lists reload.
import { apiFetch } from "@/lib/client/api-fetch";
import type { ChannelSettings } from "@/components/channels/use-channel-settings";

export async function connectAccount(
  settings: ChannelSettings,
  request: {
    url: string;
    json: Record<string, string>;
    /** Which button spins: the account's, or the connected channel's "Kết nối lại". */
    busyKey: string;
    name: string;
    connectedText: string;
    reloadAccounts: () => Promise<void>;
    errorText: (error: unknown) => string;
  },
): Promise<void> {
  const { setBusyId, setFlash, loadChannels } = settings;
  setBusyId(request.busyKey);
  setFlash(null);
  try {
    const result = await apiFetch<{ channelId: string; needsChatMode: boolean }>(request.url, {
      method: "POST",
      json: request.json,
    });
    setFlash({ tone: "success", text: request.connectedText });
    if (result.needsChatMode) settings.askChatMode({ id: result.channelId, name: request.name });
    await Promise.all([loadChannels(), request.reloadAccounts()]);
  } catch (error) {
    setFlash({ tone: "error", text: request.errorText(error) });
  } finally {
    setBusyId(null);
  }
}
