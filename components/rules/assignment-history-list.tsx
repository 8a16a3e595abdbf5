// The assignment history of a conversation, newest first: what happened, why, by whom and when.
"use client";
import { useTranslations } from "next-intl";
import { useDateFormat } from "@/lib/client/use-date-format";
import type { AssignmentHistory } from "@/lib/assignment/list-assignment-history";

type HistoryEvent = AssignmentHistory["events"][number];

export function AssignmentHistoryList({ events }: { events: HistoryEvent[] }) {
  const t = useTranslations("rules.panel");
  const format = useDateFormat();
  const nameOf = (person: HistoryEvent["from"]) => person?.name ?? t("someone");

  function describe(event: HistoryEvent): string {
    const names = { from: nameOf(event.from), to: nameOf(event.to) };
    if (event.kind === "orphaned") return event.from ? t("events.orphanedFrom", names) : t("events.orphaned");
    if (event.kind === "reopened" && !event.to) return t("events.reopenedFrom", names);
    return t(`events.${event.kind}`, names);
  }

  if (events.length === 0) return <p className="text-sm text-slate-500">{t("noHistory")}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-slate-200 pl-3 text-sm">
          <p className="font-medium text-slate-800">{describe(event)}</p>
          {event.note && <p className="text-slate-700">{t("note", { note: event.note })}</p>}
          <p className="text-xs text-slate-500">
            {t.has(`reasons.${event.reason}`) ? t(`reasons.${event.reason}`) : event.reason}
            {event.actor && ` · ${t("by", { actor: event.actor.name })}`}
          </p>
          <time dateTime={event.createdAt} className="text-xs text-slate-500">
            {format.dateTime(new Date(event.createdAt))}
          </time>
        </li>
      ))}
    </ol>
  );
}
