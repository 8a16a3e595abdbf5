// "Chat đa kênh > Cấu hình Kênh chat > Cấu hình Facebook": where the admin is, as the seed names it.
import Link from "next/link";
import { useTranslations } from "next-intl";

export function ChannelBreadcrumbs({ current }: { current: "channels" | "facebook" }) {
  const t = useTranslations("channels.breadcrumb");
  const trail = [
    { href: "/inbox", label: t("inbox") },
    { href: "/settings/channels", label: t("channels") },
    ...(current === "facebook" ? [{ href: "/settings/channels/facebook", label: t("facebook") }] : []),
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
