// "Chat đa kênh > Cấu hình Kênh chat > Cấu hình Facebook": where the admin is, in the product's words;
// the last step is the platform's own settings screen (/settings/channels/<platform>).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";

export function ChannelBreadcrumbs({ current }: { current: "channels" | Platform }) {
  const t = useTranslations("channels.breadcrumb");
  const trail = [
    { href: "/inbox", label: t("inbox") },
    { href: "/settings/channels", label: t("channels") },
    ...(current === "channels" ? [] : [{ href: `/settings/channels/${current}`, label: t("platform", { platform: platformNames[current] }) }]),
  ];
  return (
    <nav aria-label={t("label")} className="text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((item, index) => {
          const last = index === trail.length - 1;
          return (
            <li key={item.href} className="flex items-center gap-1">
              {last ? (
                <span aria-current="page" className="font-medium text-slate-700">
                  {item.label}
                </span>
              ) : (
                <Link href={item.href} className="hover:text-brand-700 hover:underline">
                  {item.label}
                </Link>
              )}
              {!last && <span aria-hidden>›</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
