// A private note in the thread: an amber card across the thread, labelled "Ghi chú nội bộ", with
// its author and time and the mentioned colleagues' "@Tên" highlighted. Never a bubble of either
// side and never delivery ticks: it went to nobody outside the shop.
"use client";
import { useTranslations } from "next-intl";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { mentionParts } from "@/components/inbox/note-mention-text";

interface Props {
  note: MessageDto;
  viewerId: string;
  clock: string;
  fullTime: string;
}

export function NoteCard({ note, viewerId, clock, fullTime }: Props) {
  const t = useTranslations("notes.card");
  const author = note.sender ? (note.sender.id === viewerId ? t("you") : note.sender.name) : t("unknownAuthor");
  const myName = note.mentions.find((mention) => mention.id === viewerId)?.name;
  const mentionsMe = myName !== undefined;
  return (
    <li className="my-1 flex justify-center" data-message-id={note.id} data-note>
      <article
        aria-label={t("label")}
        className={`w-full max-w-2xl rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-slate-900 shadow-sm ${mentionsMe ? "ring-2 ring-amber-400" : ""}`}
      >
        <header className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-amber-900">
          <span className="rounded bg-amber-200 px-1.5 py-0.5 font-semibold">{t("label")}</span>
          <span className="font-medium">{author}</span>
          <time dateTime={note.sentAt} title={fullTime} className="text-amber-800">
            {clock}
          </time>
        </header>
        <p className="text-sm break-words whitespace-pre-wrap">
          {mentionParts(note.text ?? "", note.mentions.map((mention) => mention.name)).map((part, index) =>
            part.mention ? (
              <strong key={index} className={`rounded px-0.5 font-semibold text-amber-950 ${part.text === `@${myName}` ? "bg-amber-300" : "bg-amber-200"}`}>
                {part.text}
              </strong>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      </article>
    </li>
  );
}
