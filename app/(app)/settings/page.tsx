// Settings overview: one card per area an admin manages.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  await requirePageAdmin("/settings");
  const t = await getTranslations();
  const cards = [
    { href: "/settings/channels", title: t("nav.channels"), body: t("settings.channelsCard") },
    { href: "/settings/rules", title: t("nav.rules"), body: t("settings.rulesCard") },
    { href: "/settings/staff", title: t("nav.staff"), body: t("settings.staffCard") },
    { href: "/settings/shop", title: t("nav.shop"), body: t("settings.shopCard") },
    { href: "/settings/labels", title: t("nav.labels"), body: t("settings.labelsCard") },
    { href: "/settings/templates", title: t("nav.templates"), body: t("settings.templatesCard") },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("settings.intro")}</p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <Link key={card.href} href={card.href} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
            <h2 className="font-medium">{card.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{card.body}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
