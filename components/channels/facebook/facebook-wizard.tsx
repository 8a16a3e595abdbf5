// "Cấu hình Facebook": the connect wizard (the four steps of the README's "Connect a demo page") and
// the page list with status, reconnect, chat permission and disconnect. Keeps itself current through channel:updated.
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { FacebookPagesView } from "@/lib/channels/facebook/list-facebook-pages";
import type { PageChoice } from "@/lib/channels/facebook/page-choice";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { apiFetch } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { ChatModeDialog, type ExistingRule } from "@/components/channels/chat-mode-dialog";
import { ConnectedChannelList, startLoginUrl } from "@/components/channels/connected-channel-list";
import { DisconnectDialog } from "@/components/channels/disconnect-dialog";
import { FacebookPageList, type PagesLoad } from "@/components/channels/facebook/facebook-page-list";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { WizardSteps, type WizardStep } from "@/components/channels/wizard-steps";

export interface WizardProps {
  initialChannels: ChannelSummary[];
  rules: ExistingRule[];
  /** From the URL after Facebook's redirect: `notice=authorized` or `error=<code>`. */
  flash: { notice: string | null; error: string | null };
}

/** `afterLogin`: the notice of a finished Facebook login, which a missing permission overrides. */
type Flash = { tone: "success" | "error"; text: string; afterLogin?: boolean } | null;

/** A connected page means the four steps were walked; a login short of permissions is step 3 again. */
function currentStep(load: PagesLoad, channels: ChannelSummary[]): WizardStep {
  if (load.status === "ready" && load.view.account && load.view.account.missingScopes.length > 0) return "grant";
  if (channels.some((channel) => channel.status === "connected")) return "finished";
  if (load.status !== "ready" || !load.view.account) return "add";
  return load.view.pages.length === 0 ? "choose" : "connect";
}

export function FacebookWizard({ initialChannels, rules, flash: initialFlash }: WizardProps) {
  const t = useTranslations("channels");
  const router = useRouter();
  const { channelErrorText, codeText } = useChannelErrorText();
  const [channels, setChannels] = useState(initialChannels);
  const [pages, setPages] = useState<PagesLoad>({ status: "loading" });
  const [flash, setFlash] = useState<Flash>(() =>
    initialFlash.error
      ? { tone: "error", text: codeText(initialFlash.error) }
      : initialFlash.notice === "authorized"
        ? { tone: "success", text: t("notices.authorized"), afterLogin: true }
        : null,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [chatStepFor, setChatStepFor] = useState<{ id: string; name: string } | null>(null);
  const [disconnecting, setDisconnecting] = useState<ChannelSummary | null>(null);

  const fetchPages = useCallback(
    (): Promise<PagesLoad> =>
      apiFetch<FacebookPagesView>("/api/channels/facebook/pages").then(
        (view) => ({ status: "ready", view }),
        (error: unknown) => ({ status: "error", message: channelErrorText(error) }),
      ),
    [channelErrorText],
  );
  const loadPages = useCallback(async () => setPages(await fetchPages()), [fetchPages]);

  const loadChannels = useCallback(async () => {
    const { channels: all } = await apiFetch<{ channels: ChannelSummary[] }>("/api/channels");
    setChannels(all.filter((channel) => channel.platform === "facebook"));
  }, []);

  const refresh = useCallback(() => void Promise.all([loadChannels().catch(() => undefined), loadPages()]), [loadChannels, loadPages]);

  useEffect(() => {
    // The notice or error came in the URL from Facebook's redirect; a reload must not repeat it.
    if (window.location.search) window.history.replaceState(null, "", window.location.pathname);
    let active = true;
    void fetchPages().then((load) => active && setPages(load));
    return () => {
      active = false;
    };
  }, [fetchPages]);
  useRealtimeEvent("channel:updated", refresh);

  async function connect(pageId: string, busyKey: string) {
    setBusyId(busyKey);
    setFlash(null);
    try {
      const result = await apiFetch<{ channelId: string; needsChatMode: boolean }>("/api/channels/facebook/connect", {
        method: "POST",
        json: { pageId },
      });
      const name = pages.status === "ready" ? (pages.view.pages.find((page) => page.id === pageId)?.name ?? "") : "";
      setFlash({ tone: "success", text: t("notices.connected", { name }) });
      if (result.needsChatMode) setChatStepFor({ id: result.channelId, name });
      await Promise.all([loadChannels(), loadPages()]);
    } catch (error) {
      setFlash({ tone: "error", text: channelErrorText(error) });
    } finally {
      setBusyId(null);
    }
  }

  /** A page the signed-in Facebook account may connect is reconnected here; any other needs a new Facebook login. */
  function reconnectsInPlace(channel: ChannelSummary): boolean {
    if (pages.status !== "ready" || pages.view.account?.missingScopes.length !== 0) return false;
    return pages.view.pages.some((page) => page.id === channel.externalId && page.blockedBy === null);
  }

  async function confirmDisconnect() {
    if (!disconnecting) return;
    setBusyId(disconnecting.id);
    try {
      await apiFetch(`/api/channels/${disconnecting.id}/disconnect`, { method: "POST" });
      setFlash({ tone: "success", text: t("notices.disconnected", { name: disconnecting.name }) });
      setDisconnecting(null);
      await Promise.all([loadChannels(), loadPages()]);
    } catch (error) {
      setDisconnecting(null);
      setFlash({ tone: "error", text: channelErrorText(error) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold">{t("wizard.title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("wizard.intro")}</p>
        </div>
        <a
          href={startLoginUrl("facebook")}
          className="inline-flex shrink-0 items-center justify-center gap-2 rounded-lg bg-[#0866ff] px-4 py-2 text-sm font-medium text-white hover:bg-[#0759d6]"
        >
          <span aria-hidden className="font-bold">
            f
          </span>
          {t("wizard.addConnection")}
        </a>
      </div>
      <WizardSteps current={currentStep(pages, channels)} />
      {flash && !(flash.afterLogin && currentStep(pages, channels) === "grant") && (
        <div className="mt-4">
          <Alert tone={flash.tone}>{flash.text}</Alert>
        </div>
      )}
      <ConnectedChannelList
        channels={channels}
        busyChannelId={busyId}
        reconnectsInPlace={reconnectsInPlace}
        onReconnect={(channel) => void connect(channel.externalId, channel.id)}
        onChangeChatMode={(channel) => setChatStepFor({ id: channel.id, name: channel.name })}
        onDisconnect={setDisconnecting}
      />
      <FacebookPageList
        load={pages}
        busyPageId={busyId}
        onConnect={(page: PageChoice) => void connect(page.id, page.id)}
        onRetry={() => {
          setPages({ status: "loading" });
          void loadPages();
        }}
      />
      <ChatModeDialog
        channel={chatStepFor}
        rules={rules}
        onSaved={(name) => {
          setChatStepFor(null);
          setFlash({ tone: "success", text: t("notices.chatModeSaved", { name }) });
          void loadChannels();
          // The rules come from the server page: a new rule must show under "Thêm vào quy tắc đã có".
          router.refresh();
        }}
        onClose={() => setChatStepFor(null)}
      />
      <DisconnectDialog pageName={disconnecting?.name ?? null} busy={busyId === disconnecting?.id} onConfirm={() => void confirmDisconnect()} onClose={() => setDisconnecting(null)} />
    </>
  );
}
