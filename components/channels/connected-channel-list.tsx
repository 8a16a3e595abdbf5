// The channels of one platform the viewer manages (all of the workspace's for admins, their own for
// staff): status (with why, when it is not connected), who connected it and who may chat, a pending
// request for a rule, and the actions on each: reconnect, change the chat permission (its dialog),
// disconnect (its confirmation), and for admins "Tiếp quản" on a channel someone else connected.
// Shared by every platform's settings screen, which says how a channel reconnects.
import { useTranslations } from "next-intl";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import type { Platform } from "@/lib/generated/prisma/enums";
import { Button, buttonClasses } from "@/components/ui/button";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { ChannelOwnerLine, RuleRequestNote, mayTakeOver, ownerOf, type ChannelViewer } from "@/components/channels/channel-owner";
import { ChatModeDialog, type ExistingRule } from "@/components/channels/chat-mode-dialog";
import { DisconnectDialog } from "@/components/channels/disconnect-dialog";
import { PageAvatar } from "@/components/channels/page-avatar";
import { TakeOverButton } from "@/components/channels/take-over-button";
import type { ChannelSettings } from "@/components/channels/use-channel-settings";
import { useChannelWords } from "@/components/channels/use-channel-words";
import { HistorySyncCard } from "@/components/history-sync/history-sync-card";

/** Where "Thêm kết nối" (and a reconnect that needs a new login) starts the platform's login. */
export const startLoginUrl = (platform: Platform) => `/api/channels/${platform}/oauth/start`;

interface ReconnectActions {
  /** False when the account is not among the signed-in platform login's accounts: reconnecting needs a new login. */
  reconnectsInPlace: (channel: ChannelSummary) => boolean;
  onReconnect: (channel: ChannelSummary) => void;
}

interface ChannelActions extends ReconnectActions {
  onChangeChatMode: (channel: ChannelSummary) => void;
  onDisconnect: (channel: ChannelSummary) => void;
  onTakenOver: (name: string) => void;
}

export function ConnectedChannelList({ settings, rules, ...reconnect }: { settings: ChannelSettings; rules: ExistingRule[] } & ReconnectActions) {
  const t = useTranslations("channels");
  const { platform, viewer, channels, busyId, disconnecting } = settings;
  // What the platform calls a channel ("fanpage", "OA"), and the list's title in its words.
  const account = t(`accounts.${platform}`);
  const title = t(`overview.platforms.${platform}.listLabel`);
  return (
    <>
      <section aria-labelledby="connected-pages" className="mt-8">
        <h2 id="connected-pages" className="text-lg font-semibold">
          {title}
        </h2>
        {channels.length === 0 ? (
          <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("wizard.connectedEmpty", { account })}</p>
        ) : (
          <ul aria-label={title} className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {channels.map((channel) => (
              <ChannelRow
                key={channel.id}
                channel={channel}
                viewer={viewer}
                busy={busyId === channel.id}
                onChangeChatMode={(chosen) => settings.askChatMode({ id: chosen.id, name: chosen.name })}
                onDisconnect={settings.askDisconnect}
                onTakenOver={settings.tookOver}
                {...reconnect}
              />
            ))}
          </ul>
        )}
      </section>
      <ChatModeDialog
        channel={settings.chatModeFor}
        account={account}
        rules={rules}
        asAdmin={viewer.isAdmin}
        onSaved={settings.chatModeSaved}
        onClose={() => settings.askChatMode(null)}
      />
      <DisconnectDialog
        account={account}
        pageName={disconnecting?.name ?? null}
        busy={busyId === disconnecting?.id}
        onConfirm={() => void settings.confirmDisconnect()}
        onClose={() => settings.askDisconnect(null)}
      />
    </>
  );
}

function ChannelRow({
  channel,
  viewer,
  busy,
  reconnectsInPlace,
  onReconnect,
  onChangeChatMode,
  onDisconnect,
  onTakenOver,
}: { channel: ChannelSummary; viewer: ChannelViewer; busy: boolean } & ChannelActions) {
  const t = useTranslations("channels");
  const { statusReasonText } = useChannelWords();
  const reason = channel.status !== "connected" && channel.statusReason;
  // Staff get only their own channels listed; this keeps the buttons right should that ever change.
  const manages = viewer.isAdmin || channel.connectedById === viewer.id;
  const disconnected = channel.status === "disconnected";
  return (
    <li aria-label={channel.name} className="flex flex-col gap-3 px-4 py-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <PageAvatar name={channel.name} url={channel.avatarUrl} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <p className="truncate font-medium">{channel.name}</p>
              <ChannelStatusBadge state={channel.status} />
            </div>
            {/* Staff's own channels need no owner's name; a disconnected one shares nothing now. */}
            <ChannelOwnerLine owner={ownerOf(channel)} lead={viewer.isAdmin || disconnected ? "connectedBy" : null} sharing={!disconnected} />
            {reason && <p className="text-sm text-amber-800">{statusReasonText(channel.platform, reason)}</p>}
          </div>
        </div>
        <div className="flex flex-wrap gap-2 sm:justify-end">
          {manages &&
            channel.status !== "connected" &&
            (reconnectsInPlace(channel) ? (
              <Button busy={busy} onClick={() => onReconnect(channel)}>
                {t("wizard.reconnect")}
              </Button>
            ) : (
              <a href={startLoginUrl(channel.platform)} className={buttonClasses()}>
                {t("wizard.reconnect")}
              </a>
            ))}
          {mayTakeOver(viewer, channel) && <TakeOverButton channel={channel} onTakenOver={onTakenOver} />}
          {manages && channel.status === "connected" && (
            <Button variant="secondary" onClick={() => onChangeChatMode(channel)}>
              {t("wizard.changeChatMode")}
            </Button>
          )}
          {manages && !disconnected && (
            <Button variant="ghost" className="text-red-700! hover:bg-red-50!" onClick={() => onDisconnect(channel)}>
              {t("wizard.disconnect")}
            </Button>
          )}
        </div>
      </div>
      <RuleRequestNote channel={channel} viewer={viewer} />
      {!disconnected && (
        <HistorySyncCard
          channelId={channel.id}
          platform={channel.platform}
          channelConnected={channel.status === "connected"}
          mayConfirmSharing={viewer.isAdmin}
        />
      )}
    </li>
  );
}
