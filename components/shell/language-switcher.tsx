// Vietnamese / English toggle. The choice is stored in a cookie by /api/locale and remembered.
"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { locales } from "@/lib/i18n/locales";

const labels = { vi: "Tiếng Việt", en: "English" } as const;

export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: string) {
    startTransition(async () => {
      await fetch("/api/locale", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale }) });
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t("language")} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-xs">
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          disabled={pending}
          aria-pressed={current === locale}
          onClick={() => choose(locale)}
          className={`rounded-md px-2.5 py-1 ${current === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {labels[locale]}
        </button>
      ))}
    </div>
  );
}
