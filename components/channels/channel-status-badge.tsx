// The connection state of a channel (or of an account not connected yet) as a coloured pill with its
// label ("Đã kết nối", "Cần kết nối lại"...). Shared by every platform's settings screen.
import { useTranslations } from "next-intl";
import type { ChannelStatus } from "@/lib/generated/prisma/enums";

type AccountState = ChannelStatus | "not_connected";

const tones: Record<AccountState, string> = {
  connected: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  needs_reconnect: "bg-amber-50 text-amber-900 ring-amber-600/30",
  disconnected: "bg-slate-100 text-slate-700 ring-slate-500/20",
  not_connected: "bg-slate-50 text-slate-600 ring-slate-500/20",
};

const dots: Record<AccountState, string> = {
  connected: "bg-emerald-500",
  needs_reconnect: "bg-amber-500",
  disconnected: "bg-slate-400",
  not_connected: "bg-slate-300",
};

export function ChannelStatusBadge({ state }: { state: AccountState }) {
  const t = useTranslations("channels.status");
  return (
    <span className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[state]}`}>
      <span className={`size-1.5 rounded-full ${dots[state]}`} aria-hidden />
      {t(state)}
    </span>
  );
}
