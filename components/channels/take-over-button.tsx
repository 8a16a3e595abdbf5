// "Tiếp quản" on a channel someone else connected, for admins, with its confirmation: the admin
// becomes the channel's owner, the previous owner is told (their "Thay đổi gần đây"), and on an
// "only me" page the conversations they held move to the admin. The same on the overview and on
// the platform screens; the caller says what to refresh afterwards.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { apiFetch } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/channels/modal";
import { useChannelErrorText } from "@/components/channels/use-channel-error-text";
import { useChannelWords } from "@/components/channels/use-channel-words";

export function TakeOverButton({ channel, onTakenOver }: { channel: ChannelSummary; onTakenOver: (name: string) => void }) {
  const t = useTranslations("channels.takeOver");
  const common = useTranslations("common");
  const { wordsOf } = useChannelWords();
  const { channelErrorText } = useChannelErrorText(channel.platform);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = wordsOf(channel.platform);
  const owner = channel.connectedByName;

  function ask() {
    setError(null);
    setOpen(true);
  }

  async function takeOver() {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/channels/${channel.id}/take-over`, { method: "POST" });
      setOpen(false);
      onTakenOver(channel.name);
    } catch (caught) {
      setError(channelErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={ask}>
        {t("action")}
      </Button>
      <Modal open={open} title={t("title", { name: channel.name })} onClose={() => setOpen(false)}>
        {error && (
          <div className="mb-3">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <div className="flex flex-col gap-2 text-sm text-slate-700">
          <p>{t("body", { account: words.account, owner })}</p>
          <p>{channel.chatMode === "only_me" ? t("onlyMe", { owner, noun: words.noun, Noun: words.Noun }) : t("shared", { noun: words.noun })}</p>
        </div>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
            {common("cancel")}
          </Button>
          <Button busy={busy} onClick={() => void takeOver()}>
            {t("confirm")}
          </Button>
        </div>
      </Modal>
    </>
  );
}
