// "Cấu hình Facebook": the connect wizard (the four steps of the README's "Connect a demo page") and
// the fanpages of the signed-in Facebook account, around the connected pages every platform's screen
// shares (use-channel-settings.ts). Keeps itself current through channel:updated.
"use client";
import { useTranslations } from "next-intl";
import type { FacebookPagesView } from "@/lib/channels/facebook/list-facebook-pages";
import type { PageChoice } from "@/lib/channels/facebook/page-choice";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { Alert } from "@/components/ui/alert";
import { connectAccount } from "@/components/channels/connect-account";
import { ConnectedChannelList, startLoginUrl } from "@/components/channels/connected-channel-list";
import { FacebookPageList, type PagesLoad } from "@/components/channels/facebook/facebook-page-list";
import { SettingsScreenHeader } from "@/components/channels/settings-screen-header";
import { useAccountList } from "@/components/channels/use-account-list";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { useChannelSettings, type ChannelSettingsScreenProps } from "@/components/channels/use-channel-settings";
import { WizardSteps, type WizardStep } from "@/components/channels/facebook/wizard-steps";

/** A connected page means the four steps were walked; a login short of permissions is step 3 again. */
function currentStep(load: PagesLoad, channels: ChannelSummary[]): WizardStep {
  if (load.status === "ready" && load.view.account && load.view.account.missingScopes.length > 0) return "grant";
  if (channels.some((channel) => channel.status === "connected")) return "finished";
  if (load.status !== "ready" || !load.view.account) return "add";
  return load.view.pages.length === 0 ? "choose" : "connect";
}

export function FacebookWizard(props: ChannelSettingsScreenProps) {
  const t = useTranslations("channels");
  const { channelErrorText } = useChannelErrorText("facebook");
  const { load: pages, reload: loadPages, retry } = useAccountList<FacebookPagesView>("/api/channels/facebook/pages", channelErrorText);
  const settings = useChannelSettings("facebook", props, loadPages);
  const { channels, flash } = settings;

  function connect(pageId: string, busyKey: string) {
    const name = pages.status === "ready" ? (pages.view.pages.find((page) => page.id === pageId)?.name ?? "") : "";
    return connectAccount(settings, {
      url: "/api/channels/facebook/connect",
      json: { pageId },
      busyKey,
      name,
      connectedText: t("notices.connected", { name }),
      reloadAccounts: loadPages,
      errorText: channelErrorText,
    });
  }

  /** A page the signed-in Facebook account may connect is reconnected here; any other needs a new Facebook login. */
  function reconnectsInPlace(channel: ChannelSummary): boolean {
    if (pages.status !== "ready" || pages.view.account?.missingScopes.length !== 0) return false;
    return pages.view.pages.some((page) => page.id === channel.externalId && page.blockedBy === null);
  }

  return (
    <>
      <SettingsScreenHeader
        title={t("wizard.title")}
        intro={t("wizard.intro")}
        action={
          <a
            href={startLoginUrl("facebook")}
            className="inline-flex shrink-0 items-center justify-center gap-2 rounded-lg bg-[#0866ff] px-4 py-2 text-sm font-medium text-white hover:bg-[#0759d6]"
          >
            <span aria-hidden className="font-bold">
              f
            </span>
            {t("wizard.addConnection")}
          </a>
        }
      />
      <WizardSteps current={currentStep(pages, channels)} />
      {flash && !(flash.afterLogin && currentStep(pages, channels) === "grant") && (
        <div className="mt-4">
          <Alert tone={flash.tone}>{flash.text}</Alert>
        </div>
      )}
      <ConnectedChannelList
        settings={settings}
        rules={props.rules}
        reconnectsInPlace={reconnectsInPlace}
        onReconnect={(channel) => void connect(channel.externalId, channel.id)}
      />
      <FacebookPageList
        load={pages}
        busyPageId={settings.busyId}
        onConnect={(page: PageChoice) => void connect(page.id, page.id)}
        onRetry={retry}
      />
    </>
  );
}
