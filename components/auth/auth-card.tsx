// The card that pages outside the app (sign-in, first-run setup, invitation and reset links) sit in.
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

export async function AuthCard({ title, subtitle, wide = false, children }: { title: string; subtitle?: string; wide?: boolean; children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="flex min-h-full flex-col items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4 py-12">
      <div className={`w-full ${wide ? "max-w-lg" : "max-w-sm"} rounded-2xl border border-slate-200 bg-white p-8 shadow-sm`}>
        <div className="mb-6 flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white" aria-hidden>
            C
          </span>
          <div>
            <p className="text-sm font-semibold text-brand-700">{t("appName")}</p>
            <h1 className="text-xl font-semibold">{title}</h1>
          </div>
        </div>
        {subtitle && <p className="mb-6 text-sm text-slate-600">{subtitle}</p>}
        {children}
      </div>
      <div className="mt-6">
        <LanguageSwitcher />
      </div>
    </main>
  );
}
