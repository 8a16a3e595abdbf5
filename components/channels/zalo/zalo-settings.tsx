// "Cấu hình Zalo": "Thêm kết nối" opens Zalo's permission page (OAuth v4 with PKCE, started by the
// server); back here the OAs the admin authorised are listed with "Kết nối OA này", which connects the
// OA and asks the same chat-permission question as for a fanpage. Around the connected OAs every
// platform's screen shares (use-channel-settings.ts): status, reconnect, chat permission, disconnect.
// Keeps itself current through channel:updated.
"use client";
import { useTranslations } from "next-intl";
import type { OaChoice } from "@/lib/channels/zalo/oa-choice";
import type { ZaloAccountsView } from "@/lib/channels/zalo/list-zalo-accounts";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { Alert } from "@/components/ui/alert";
import { connectAccount } from "@/components/channels/connect-account";
import { ConnectedChannelList, startLoginUrl } from "@/components/channels/connected-channel-list";
import { SettingsScreenHeader } from "@/components/channels/settings-screen-header";
import { useAccountList } from "@/components/channels/use-account-list";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { useChannelSettings, type ChannelSettingsScreenProps } from "@/components/channels/use-channel-settings";
import { ZaloOaList } from "@/components/channels/zalo/zalo-oa-list";

export function ZaloSettings(props: ChannelSettingsScreenProps) {
  const t = useTranslations("channels.zalo");
  const { channelErrorText } = useChannelErrorText("zalo");
  const { load: accounts, reload: loadAccounts, retry } = useAccountList<ZaloAccountsView>("/api/channels/zalo/accounts", channelErrorText);
  const settings = useChannelSettings("zalo", props, loadAccounts);
  const { flash } = settings;

  const oaOf = (oaId: string): OaChoice | undefined => (accounts.status === "ready" ? accounts.view.oas.find((oa) => oa.id === oaId) : undefined);

  function connect(oaId: string, busyKey: string) {
    const name = oaOf(oaId)?.name ?? "";
    return connectAccount(settings, {
      url: "/api/channels/zalo/connect",
      json: { oaId },
      busyKey,
      name,
      connectedText: t("connected", { name }),
      reloadAccounts: loadAccounts,
      errorText: channelErrorText,
    });
  }

  /** An OA whose grant is still unspent is reconnected here; any other needs a new grant on Zalo's page. */
  function reconnectsInPlace(channel: ChannelSummary): boolean {
    const oa = oaOf(channel.externalId);
    return oa !== undefined && oa.blockedBy === null && oa.connectable;
  }

  return (
    <>
      <SettingsScreenHeader
        title={t("title")}
        intro={t("intro")}
        action={
          <a
            href={startLoginUrl("zalo")}
            className="inline-flex shrink-0 items-center justify-center gap-2 rounded-lg bg-[#0068ff] px-4 py-2 text-sm font-medium text-white hover:bg-[#0054d1]"
          >
            {t("addConnection")}
          </a>
        }
      />
      {flash && (
        <div className="mt-4">
          {/* The shared notice after a login names Facebook's steps: Zalo's says what to do here. */}
          <Alert tone={flash.tone}>{flash.afterLogin ? t("authorized") : flash.text}</Alert>
        </div>
      )}
      <ConnectedChannelList
        settings={settings}
        rules={props.rules}
        reconnectsInPlace={reconnectsInPlace}
        onReconnect={(channel) => void connect(channel.externalId, channel.id)}
      />
      <ZaloOaList
        load={accounts}
        busyId={settings.busyId}
        onConnect={(oa) => void connect(oa.id, oa.id)}
        onRetry={retry}
      />
    </>
  );
}
