// The inbox's title bar: live connection state and the new-message notification switch.
"use client";
import { useTranslations } from "next-intl";
import { useRealtimeConnected } from "@/components/realtime/use-realtime";
import { useNotificationSetting } from "@/components/inbox/use-notification-setting";
import { BellIcon, BellOffIcon } from "@/components/inbox/icons";

export function InboxHeader({ className }: { className: string }) {
  const t = useTranslations("inbox");
  const connected = useRealtimeConnected();
  const { enabled, browserPermission, setEnabled } = useNotificationSetting();
  return (
    <div className={`${className} flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2`}>
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <span role="status" className={`flex items-center gap-2 text-xs ${connected ? "text-emerald-700" : "text-amber-700"}`}>
        <span className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-amber-500"}`} aria-hidden />
        {connected ? t("realtimeConnected") : t("realtimeDisconnected")}
      </span>
      <div className="ml-auto flex items-center gap-2">
        {enabled && browserPermission === "denied" && <span className="hidden text-xs text-slate-500 lg:inline">{t("notifications.blocked")}</span>}
        <button
          type="button"
          aria-pressed={enabled}
          onClick={() => void setEnabled(!enabled)}
          title={enabled ? t("notifications.turnOff") : t("notifications.turnOn")}
          className={`flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm ${enabled ? "text-brand-700 hover:bg-brand-50" : "text-slate-500 hover:bg-slate-100"}`}
        >
          {enabled ? <BellIcon /> : <BellOffIcon />}
          <span className="hidden sm:inline">{t("notifications.label")}</span>
          <span className="sr-only sm:hidden">{t("notifications.label")}</span>
        </button>
      </div>
    </div>
  );
}
