// Shown with HTTP 403 when a signed-in user opens a page their role does not allow.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icon";
import { buttonClasses } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-600">
          <Icon name="lock" className="size-6" />
        </span>
        <h1 className="mt-3 text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link href="/inbox" className={buttonClasses("primary", "mt-6")}>
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
