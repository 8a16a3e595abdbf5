// Sign-in page. Already signed-in users go straight to the inbox.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(params.callbackUrl));
  const t = await getTranslations();
  return (
    <main className="flex min-h-full flex-col items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white" aria-hidden>
            C
          </span>
          <div>
            <p className="text-sm font-semibold text-brand-700">{t("common.appName")}</p>
            <h1 className="text-xl font-semibold">{t("signIn.title")}</h1>
          </div>
        </div>
        <p className="mb-6 text-sm text-slate-600">{t("signIn.subtitle")}</p>
        <SignInForm returnTo={safeReturnPath(params.callbackUrl)} signedOut={params.signedOut === "1"} />
      </div>
      <div className="mt-6">
        <LanguageSwitcher />
      </div>
    </main>
  );
}
