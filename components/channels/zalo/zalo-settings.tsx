// "Cấu hình Zalo": "Thêm kết nối" opens Zalo's permission page (OAuth v4 with PKCE, started by the
// server); back here the OAs the admin authorised are listed with "Kết nối OA này", which connects the
// OA and asks the same chat-permission question as for a fanpage. Around the connected OAs every
// platform's screen shares (use-channel-settings.ts): status, reconnect, chat permission, disconnect.
// Keeps itself current through channel:updated.
"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { OaChoice } from "@/lib/channels/zalo/oa-choice";
import type { ZaloAccountsView } from "@/lib/channels/zalo/list-zalo-accounts";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { apiFetch } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { ConnectedChannelList, startLoginUrl } from "@/components/channels/connected-channel-list";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { useChannelSettings, type ChannelSettingsScreenProps } from "@/components/channels/use-channel-settings";
import { ZaloOaList, type AccountsLoad } from "@/components/channels/zalo/zalo-oa-list";

export function ZaloSettings(props: ChannelSettingsScreenProps) {
  const t = useTranslations("channels.zalo");
  const { channelErrorText } = useChannelErrorText();
  const [accounts, setAccounts] = useState<AccountsLoad>({ status: "loading" });

  const fetchAccounts = useCallback(
    (): Promise<AccountsLoad> =>
      apiFetch<ZaloAccountsView>("/api/channels/zalo/accounts").then(
        (view) => ({ status: "ready", view }),
        (error: unknown) => ({ status: "error", message: channelErrorText(error) }),
      ),
    [channelErrorText],
  );
  const loadAccounts = useCallback(async () => setAccounts(await fetchAccounts()), [fetchAccounts]);
  const settings = useChannelSettings("zalo", props, loadAccounts);
  const { loadChannels, flash, setFlash, setBusyId } = settings;

  useEffect(() => {
    let active = true;
    void fetchAccounts().then((load) => active && setAccounts(load));
    return () => {
      active = false;
    };
  }, [fetchAccounts]);

  const oaOf = (oaId: string): OaChoice | undefined => (accounts.status === "ready" ? accounts.view.oas.find((oa) => oa.id === oaId) : undefined);

  async function connect(oaId: string, busyKey: string) {
    setBusyId(busyKey);
    setFlash(null);
    try {
      const result = await apiFetch<{ channelId: string; needsChatMode: boolean }>("/api/channels/zalo/connect", { method: "POST", json: { oaId } });
      const name = oaOf(oaId)?.name ?? "";
      setFlash({ tone: "success", text: t("connected", { name }) });
      if (result.needsChatMode) settings.askChatMode({ id: result.channelId, name });
      await Promise.all([loadChannels(), loadAccounts()]);
    } catch (error) {
      setFlash({ tone: "error", text: channelErrorText(error) });
    } finally {
      setBusyId(null);
    }
  }

  /** An OA whose grant is still unspent is reconnected here; any other needs a new grant on Zalo's page. */
  function reconnectsInPlace(channel: ChannelSummary): boolean {
    const oa = oaOf(channel.externalId);
    return oa !== undefined && oa.blockedBy === null && oa.connectable;
  }

  return (
    <>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <a
          href={startLoginUrl("zalo")}
          className="inline-flex shrink-0 items-center justify-center gap-2 rounded-lg bg-[#0068ff] px-4 py-2 text-sm font-medium text-white hover:bg-[#0054d1]"
        >
          {t("addConnection")}
        </a>
      </div>
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
        onRetry={() => {
          setAccounts({ status: "loading" });
          void loadAccounts();
        }}
      />
    </>
  );
}
