// The words for a quoted message, in a reply's bubble and in the composer while quoting.
"use client";
import { useTranslations } from "next-intl";
import type { QuotedMessage } from "@/lib/inbox/inbox-dto";

/** "Trả lời khách: …" or "Trả lời: …" (a message of the page), then its text or its attachment's kind. */
export function QuoteSnippet({ quoted }: { quoted: QuotedMessage }) {
  const t = useTranslations("inbox.message");
  return (
    <>
      {t(quoted.direction === "inbound" ? "replyToCustomer" : "replyTo")} {quoted.text ?? (quoted.attachmentType ? t(`attachmentKinds.${quoted.attachmentType}`) : t("attachmentOnly"))}
    </>
  );
}
