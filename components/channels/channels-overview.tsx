// "Cấu hình Kênh chat": one card per platform. Facebook lists its pages with their status; Zalo is
// marked as coming soon, with a label rather than a disabled button.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ChannelSummary } from "@/lib/channels/list-channels";
import { ChannelStatusBadge } from "@/components/channels/channel-status-badge";
import { PageAvatar } from "@/components/channels/page-avatar";
import { buttonClasses } from "@/components/ui/button";

export function ChannelsOverview({ facebookChannels }: { facebookChannels: ChannelSummary[] }) {
  const t = useTranslations("channels.overview");
  return (
    <div className="mt-6 grid gap-4 md:grid-cols-2">
      <section aria-labelledby="facebook-card" className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-[#0866ff] text-lg font-bold text-white" aria-hidden>
            f
          </span>
          <div>
            <h2 id="facebook-card" className="font-semibold">
              {t("facebookTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("facebookBody")}</p>
          </div>
        </div>
        {facebookChannels.length === 0 ? (
          <p className="mt-4 rounded-lg bg-slate-50 px-3 py-4 text-center text-sm text-slate-600">{t("noPages")}</p>
        ) : (
          <ul aria-label={t("pagesLabel")} className="mt-4 divide-y divide-slate-100">
            {facebookChannels.map((channel) => (
              <li key={channel.id} className="flex items-center gap-3 py-2.5">
                <PageAvatar name={channel.name} url={channel.avatarUrl} size={32} />
                <span className="min-w-0 flex-1 truncate text-sm font-medium">{channel.name}</span>
                <ChannelStatusBadge state={channel.status} />
              </li>
            ))}
          </ul>
        )}
        <div className="mt-auto pt-4">
          <Link href="/settings/channels/facebook" className={buttonClasses()}>
            {t("configureFacebook")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="zalo-card" className="flex flex-col rounded-xl border border-dashed border-slate-300 bg-slate-50 p-5">
        <div className="flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-slate-300 text-sm font-bold text-white" aria-hidden>
            Zalo
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h2 id="zalo-card" className="font-semibold text-slate-600">
                {t("zaloTitle")}
              </h2>
              {/* A label, not a control: there is nothing to press yet. */}
              <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("comingSoon")}</span>
            </div>
            <p className="text-sm text-slate-600">{t("zaloBody")}</p>
          </div>
        </div>
      </section>
    </div>
  );
}
