// The state every platform's settings screen shares: the platform's channels (kept current through
// channel:updated), the notice above them, which channel is busy, and the chat-permission and
// disconnect dialogs. A platform's screen adds its own login and account list around it.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { apiFetch } from "@/lib/client/api-fetch";
import type { ExistingRule } from "@/components/channels/chat-mode-dialog";
import type { ChannelViewer } from "@/components/channels/channel-owner";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";

/** What /settings/channels/<platform> gives its platform's screen (components/channels/platform-settings-page.tsx). */
export interface ChannelSettingsScreenProps {
  /** The channels the viewer manages on the platform: all of the workspace's for admins, their own for staff. */
  initialChannels: ChannelSummary[];
  /** The rules a page may be shared through: all for admins, the ones staff belong to. */
  rules: ExistingRule[];
  viewer: ChannelViewer;
  /** From the URL after the platform's login redirect: `notice=authorized` or `error=<code>`. */
  flash: { notice: string | null; error: string | null };
}

/** `afterLogin`: the notice of a finished platform login, which the screen may override (a missing permission). */
export type Flash = { tone: "success" | "error"; text: string; afterLogin?: boolean } | null;

/**
 * `onChannelsChanged`: what else the screen reloads when a channel changed (its account
 * list); it must be stable (useCallback) and not reject.
 */
export function useChannelSettings(
  platform: Platform,
  { initialChannels, viewer, flash: initialFlash }: ChannelSettingsScreenProps,
  onChannelsChanged: () => Promise<void>,
) {
  const t = useTranslations("channels");
  const router = useRouter();
  const { channelErrorText, codeText } = useChannelErrorText(platform);
  const [channels, setChannels] = useState(initialChannels);
  const [flash, setFlash] = useState<Flash>(() =>
    initialFlash.error
      ? { tone: "error", text: codeText(initialFlash.error) }
      : initialFlash.notice === "authorized"
        ? { tone: "success", text: t("notices.authorized", { platform: platformNames[platform] }), afterLogin: true }
        : null,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [chatModeFor, setChatModeFor] = useState<{ id: string; name: string } | null>(null);
  const [disconnecting, setDisconnecting] = useState<ChannelSummary | null>(null);

  const loadChannels = useCallback(async () => {
    const { channels: all } = await apiFetch<{ channels: ChannelSummary[] }>("/api/channels");
    setChannels(all.filter((channel) => channel.platform === platform));
  }, [platform]);

  useEffect(() => {
    // The notice or error came in the URL from the platform's redirect; a reload must not repeat it.
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
  }, []);
  const refresh = useCallback(
    () => void Promise.all([loadChannels().catch(() => undefined), onChannelsChanged()]),
    [loadChannels, onChannelsChanged],
  );
  useRealtimeEvent("channel:updated", refresh);

  async function confirmDisconnect() {
    if (!disconnecting) return;
    setBusyId(disconnecting.id);
    try {
      await apiFetch(`/api/channels/${disconnecting.id}/disconnect`, { method: "POST" });
      setFlash({ tone: "success", text: t("notices.disconnected", { name: disconnecting.name }) });
      setDisconnecting(null);
      await Promise.all([loadChannels(), onChannelsChanged()]);
    } catch (error) {
      setDisconnecting(null);
      setFlash({ tone: "error", text: channelErrorText(error) });
    } finally {
      setBusyId(null);
    }
  }

  /** `ruleRequested`: a staff member asked admins for a rule instead of choosing one. */
  function chatModeSaved(name: string, ruleRequested: boolean) {
    setChatModeFor(null);
    setFlash({ tone: "success", text: t(ruleRequested ? "notices.ruleRequested" : "notices.chatModeSaved", { name }) });
    void loadChannels();
    // The rules come from the server page: a new rule must show under "Thêm vào quy tắc đã có".
    router.refresh();
  }

  function tookOver(name: string) {
    setFlash({ tone: "success", text: t("notices.takenOver", { name }) });
    // The wizard's list shows owners too.
    refresh();
  }

  return {
    platform,
    viewer,
    channels,
    loadChannels,
    flash,
    setFlash,
    busyId,
    setBusyId,
    chatModeFor,
    /** Opens the chat-permission step for a channel (after connecting it, or "Đổi quyền chat"). */
    askChatMode: setChatModeFor,
    chatModeSaved,
    tookOver,
    disconnecting,
    askDisconnect: setDisconnecting,
    confirmDisconnect,
  };
}

export type ChannelSettings = ReturnType<typeof useChannelSettings>;
