// The inbox: conversation list and thread. Shows the live connection state.
"use client";
import { useTranslations } from "next-intl";
import { useRealtimeConnected } from "@/components/realtime/use-realtime";

export function InboxView({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("inbox");
  const connected = useRealtimeConnected();
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <span role="status" className={`flex items-center gap-2 text-xs ${connected ? "text-emerald-700" : "text-amber-700"}`}>
          <span className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-amber-500"}`} aria-hidden />
          {connected ? t("realtimeConnected") : t("realtimeDisconnected")}
        </span>
      </div>
      <div className="flex flex-1 items-center justify-center p-6">
        <div className="max-w-sm text-center">
          <p className="text-4xl" aria-hidden>
            💬
          </p>
          <h2 className="mt-3 font-semibold">{t("emptyTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("emptyBody")}</p>
          {isAdmin && <p className="mt-3 text-sm text-brand-700">{t("connectHint")}</p>}
        </div>
      </div>
    </div>
  );
}
