// Delivery state of an outgoing message: clock while pending (amber while it waits for the channel's
// reconnect), ✓ sent, ✓✓ delivered, blue ✓✓ read, red ! failed. Each mark has a spoken label.
"use client";
import { useTranslations } from "next-intl";
import type { MessageDto } from "@/lib/inbox/inbox-dto";

export function MessageStatus({ status }: { status: MessageDto["status"] | "awaiting_reconnect" }) {
  const t = useTranslations("inbox.status");
  const label = t(status);
  const common = { role: "img", "aria-label": label, viewBox: "0 0 20 12", className: "h-3 w-5 shrink-0" } as const;
  switch (status) {
    case "pending":
    case "awaiting_reconnect":
      return (
        <svg {...common} viewBox="0 0 12 12" className={`size-3 shrink-0 ${status === "pending" ? "text-slate-400" : "text-amber-600"}`} data-status={status}>
          <title>{label}</title>
          <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M6 3v3l2 1.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
      );
    case "sent":
      return (
        <svg {...common} className={`${common.className} text-slate-400`} data-status={status}>
          <title>{label}</title>
          <path d="M2 6.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "delivered":
    case "read":
      return (
        <svg {...common} viewBox="0 0 18 12" className={`${common.className} ${status === "read" ? "text-sky-500" : "text-slate-400"}`} data-status={status}>
          <title>{label}</title>
          <path d="M1.5 6.5l3 3 6.5-7.5M8 9.5l6.5-7.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case "failed":
      return (
        <svg {...common} viewBox="0 0 12 12" className="size-3 shrink-0 text-red-600" data-status={status}>
          <title>{label}</title>
          <circle cx="6" cy="6" r="5.5" fill="currentColor" />
          <path d="M6 3v3.5M6 8.6v.1" stroke="white" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      );
  }
}
