// Details beside the thread: the customer, the page and its connection, the conversation's labels,
// the customer card (phone, address, notes), and the assignment (who has it, its rule and history,
// closing, reopening and handing it on — the rules feature's AssignmentPanel). A column on laptops,
// a full-screen sheet on phones; Escape closes it.
"use client";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import { useDateFormat } from "@/lib/client/use-date-format";
import type { ConversationDetail } from "@/lib/inbox/get-conversation";
import { AssignmentPanel } from "@/components/rules/assignment-panel";
import { Avatar } from "@/components/inbox/avatar";
import { useChannelWords } from "@/components/channels/use-channel-words";
import { CustomerCard } from "@/components/inbox/customer-card";
import { LabelPicker } from "@/components/inbox/label-picker";

export function SidePanel({ detail, viewerId, isAdmin, onClose }: { detail: ConversationDetail; viewerId: string; isAdmin: boolean; onClose: () => void }) {
  const t = useTranslations("inbox.panel");
  const format = useDateFormat();
  const { wordsOf, statusReasonText } = useChannelWords();
  const { conversation, contact, channel } = detail;
  const name = contact.name ?? t("unknownCustomer", { platform: platformNames[conversation.channel.platform] });
  return (
    <aside
      id="conversation-side-panel"
      aria-label={t("title")}
      className="fixed inset-0 z-30 flex flex-col overflow-y-auto bg-white lg:static lg:z-auto lg:w-72 lg:shrink-0 lg:border-l lg:border-slate-200"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 className="font-semibold">{t("title")}</h2>
        <button type="button" onClick={onClose} className="rounded-lg p-2 text-slate-600 hover:bg-slate-100" aria-label={t("close")}>
          <span aria-hidden>✕</span>
        </button>
      </div>
      <div className="flex flex-col items-center gap-2 px-4 py-5 text-center">
        <Avatar name={name} url={contact.avatarUrl} size="lg" />
        <p className="font-semibold">{name}</p>
        <p className="text-xs text-slate-500">{t("customerSince", { date: format.date(new Date(contact.firstSeenAt)) })}</p>
      </div>
      <dl className="space-y-3 border-t border-slate-200 px-4 py-4 text-sm">
        <Row label={t("page", { ...wordsOf(conversation.channel.platform) })}>
          {channel.name}
          {channel.status !== "connected" && <span className="mt-0.5 block text-xs text-red-700">{channel.statusReason ? statusReasonText(conversation.channel.platform, channel.statusReason) : t(`channel.${channel.status}`)}</span>}
        </Row>
        <Row label={t("origin")}>{t(`originValue.${conversation.origin}`, { platform: platformNames[conversation.channel.platform] })}</Row>
      </dl>
      <div className="border-t border-slate-200 px-4 py-4">
        <LabelPicker conversationId={conversation.id} labels={conversation.labels} />
      </div>
      <div className="border-t border-slate-200 px-4 py-4">
        <CustomerCard key={conversation.id} conversationId={conversation.id} />
      </div>
      <div className="border-t border-slate-200 px-4 py-4">
        <AssignmentPanel conversationId={conversation.id} viewerId={viewerId} canManage={isAdmin} />
      </div>
    </aside>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
