// The thread's top bar: back to the list (phones), who the customer is, which channel (its
// platform's mark and name), who has the conversation, and the button for the side panel.
"use client";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import { Avatar } from "@/components/inbox/avatar";
import { PlatformIcon } from "@/components/channels/platform-icon";
import { BackIcon, InfoIcon } from "@/components/inbox/icons";

interface Props {
  detail: ConversationDetail;
  onBack: () => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function ThreadHeader({ detail, onBack, panelOpen, onTogglePanel }: Props) {
  const t = useTranslations("inbox.thread");
  const { conversation } = detail;
  const name = conversation.contact.name ?? t("unknownCustomer", { platform: platformNames[conversation.channel.platform] });
  const owner =
    conversation.state === "awaiting_claim" ? t("ownerWaiting") : conversation.assignee ? t("ownerName", { name: conversation.assignee.name }) : t("ownerNobody");
  return (
    <div className="flex items-center gap-3 border-b border-slate-200 bg-white px-2 py-2 sm:px-4">
      <button type="button" onClick={onBack} className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 md:hidden" aria-label={t("back")}>
        <BackIcon className="size-5" />
      </button>
      <Avatar name={name} url={conversation.contact.avatarUrl} />
      <div className="min-w-0 flex-1">
        <h2 className="truncate font-semibold">{name}</h2>
        <p className="flex min-w-0 items-center gap-1 text-xs text-slate-500">
          <PlatformIcon platform={conversation.channel.platform} className="size-3.5" />
          <span className="truncate">{conversation.channel.name}</span>
          <span aria-hidden> · </span>
          <span className="truncate">{owner}</span>
        </p>
      </div>
      <button
        type="button"
        onClick={onTogglePanel}
        aria-expanded={panelOpen}
        aria-controls="conversation-side-panel"
        className={`flex items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium ${panelOpen ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
      >
        <InfoIcon className="size-5" />
        <span className="hidden sm:inline">{t("details")}</span>
        <span className="sr-only sm:hidden">{t("details")}</span>
      </button>
    </div>
  );
}
