// What a message carries besides text: pictures shown inline, video and audio players, file and
// link cards, and stickers drawn without a bubble.
"use client";
import { useTranslations } from "next-intl";
import type { Attachment } from "@/lib/inbox/inbox-dto";
import { PaperclipIcon, PinIcon } from "@/components/inbox/icons";

export function MessageAttachments({ attachments, outbound }: { attachments: Attachment[]; outbound: boolean }) {
  const t = useTranslations("inbox.attachment");
  if (attachments.length === 0) return null;
  const link = outbound ? "text-white underline" : "text-brand-700 underline";
  return (
    <div className="flex flex-col gap-1.5">
      {attachments.map((attachment, index) => {
        const key = `${attachment.type}-${index}`;
        if (!attachment.url) return <p key={key} className="text-sm italic opacity-80">{t("unavailable")}</p>;
        switch (attachment.type) {
          case "image":
          case "sticker":
            return (
              <a key={key} href={attachment.url} target="_blank" rel="noreferrer" className="block">
                {/* Platform CDN pictures of unknown size: a plain img, not next/image. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={attachment.url}
                  alt={attachment.type === "sticker" ? t("sticker") : (attachment.name ?? t("image"))}
                  loading="lazy"
                  className={attachment.type === "sticker" ? "size-24 object-contain" : "max-h-64 max-w-full rounded-lg bg-slate-100 object-contain"}
                />
              </a>
            );
          case "video":
            return <video key={key} src={attachment.url} controls preload="metadata" className="max-h-64 max-w-full rounded-lg bg-black" aria-label={t("video")} />;
          case "audio":
            return <audio key={key} src={attachment.url} controls preload="none" className="max-w-full" aria-label={t("audio")} />;
          case "location":
            return (
              <a key={key} href={attachment.url} target="_blank" rel="noreferrer" className={`flex items-center gap-1.5 text-sm ${link}`}>
                <PinIcon />
                {attachment.title ?? t("location")}
              </a>
            );
          default:
            return (
              <a key={key} href={attachment.url} target="_blank" rel="noreferrer" className={`flex items-center gap-2 text-sm ${link}`}>
                <PaperclipIcon />
                <span className="break-all">{attachment.name ?? attachment.title ?? t(attachment.type === "file" ? "file" : "link")}</span>
              </a>
            );
        }
      })}
    </div>
  );
}
