// "Thay đổi gần đây" under the channel cards: what admins did to channels other people connected
// (take over, disconnect, change who chats, hand over when the owner left), as sentences with their
// time. This is how the person who connected a channel is told: staff see the changes to their own
// channels, admins every change in the workspace (lib/channels/channel-events.ts).
"use client";
import { useTranslations } from "next-intl";
import type { ChannelEventView } from "@/lib/channels/channel-events";
import { platformNames } from "@/lib/channels/platform-names";
import { useDateFormat } from "@/lib/client/use-date-format";
import type { ChannelViewer } from "@/components/channels/channel-owner";

export function RecentChannelChanges({ events, viewer }: { events: ChannelEventView[]; viewer: ChannelViewer }) {
  const t = useTranslations("channels.events");
  const format = useDateFormat();
  const headingId = "recent-channel-changes";
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t(viewer.isAdmin ? "introAdmin" : "introStaff")}</p>
      {events.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol aria-label={t("title")} className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
          {events.map((event) => (
            <li key={event.id} className="px-4 py-2.5">
              {t(`kinds.${event.kind}`, {
                actor: event.actorName ?? t("someone"),
                channel: event.channelName,
                platform: platformNames[event.platform],
                // Staff read about their own channels; admins are told whose channel it was.
                mine: !viewer.isAdmin || event.ownerName === null ? "yes" : "no",
                owner: event.ownerName ?? "",
                detail: event.detail ?? "",
              })}
              <span aria-hidden> · </span>
              <time dateTime={event.at} className="text-slate-500">
                {format.dayMonthTime(new Date(event.at))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
