// One row of the conversation list: customer, channel (its platform's mark and name), last message (in search
// results found by a message, that message), time, unread count, its labels and, outside "Của tôi", who has it.
"use client";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import type { ConversationSummary } from "@/lib/inbox/inbox-dto";
import { Avatar } from "@/components/inbox/avatar";
import { SearchIcon } from "@/components/inbox/icons";
import { PlatformIcon } from "@/components/channels/platform-icon";
import type { LabelDto } from "@/lib/labels/label-input";
import { LabelChip } from "@/components/labels/label-chip";

interface Props {
  conversation: ConversationSummary;
  /** Its labels as the workspace now names them (use-labels.ts). */
  labels: LabelDto[];
  selected: boolean;
  focusable: boolean;
  showOwner: boolean;
  time: string;
  onOpen: () => void;
}

export function ConversationListItem({ conversation, labels, selected, focusable, showOwner, time, onOpen }: Props) {
  const t = useTranslations("inbox");
  const name = conversation.contact.name ?? t("unknownCustomer", { platform: platformNames[conversation.channel.platform] });
  const unread = conversation.unreadCount > 0;
  return (
    <li
      role="option"
      id={`conversation-option-${conversation.id}`}
      data-conversation-id={conversation.id}
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      onClick={onOpen}
      className={`flex cursor-pointer gap-3 border-l-4 px-3 py-3 outline-none focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 ${
        selected ? "border-brand-600 bg-brand-50" : "border-transparent hover:bg-slate-50"
      }`}
    >
      <Avatar name={name} url={conversation.contact.avatarUrl} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className={`min-w-0 flex-1 truncate ${unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>{name}</span>
          <time dateTime={conversation.lastMessageAt} className={`shrink-0 text-xs ${unread ? "font-semibold text-brand-700" : "text-slate-600"}`}>
            {time}
          </time>
        </div>
        <div className="mt-0.5 flex items-center gap-2">
          {conversation.match ? (
            // A search that matched a message shows that message, not the last one: why it was found.
            <span className="flex min-w-0 flex-1 items-center gap-1 text-sm text-slate-700" data-testid="search-match">
              <SearchIcon className="size-3.5 shrink-0 text-brand-600" />
              <span className="truncate">{conversation.match.snippet}</span>
            </span>
          ) : (
            <span className={`min-w-0 flex-1 truncate text-sm ${unread ? "text-slate-900" : "text-slate-600"}`}>
              {conversation.lastMessagePreview ?? t("noMessagesYet")}
            </span>
          )}
          {unread && (
            <span className="shrink-0 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white">
              <span className="sr-only">{t("unreadCount", { count: conversation.unreadCount })}</span>
              <span aria-hidden>{conversation.unreadCount > 99 ? "99+" : conversation.unreadCount}</span>
            </span>
          )}
        </div>
        <div className="mt-1 flex items-center gap-2 text-xs text-slate-600">
          <span className="flex min-w-0 items-center gap-1">
            <PlatformIcon platform={conversation.channel.platform} className="size-3.5" />
            <span className="truncate">{conversation.channel.name}</span>
          </span>
          {showOwner && <OwnerChip conversation={conversation} />}
        </div>
        {labels.length > 0 && (
          <div className="mt-1 flex flex-wrap gap-1">
            {labels.map((label) => (
              <LabelChip key={label.id} label={label} size="sm" />
            ))}
          </div>
        )}
      </div>
    </li>
  );
}

function OwnerChip({ conversation }: { conversation: ConversationSummary }) {
  const t = useTranslations("inbox.owner");
  if (conversation.state === "awaiting_claim") return <span className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("awaitingClaim")}</span>;
  if (!conversation.assignee) return <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t("nobody")}</span>;
  return <span className="shrink-0 truncate rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{conversation.assignee.name}</span>;
}
