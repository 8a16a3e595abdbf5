// Sign-in page. Already signed-in users go straight to the inbox; before the first-run setup
// nobody can sign in, so the setup screen is shown instead.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { isSetupOpen } from "@/lib/setup/setup-token";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(params.callbackUrl));
  if (await isSetupOpen()) redirect("/setup");
  const t = await getTranslations("signIn");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SignInForm returnTo={safeReturnPath(params.callbackUrl)} signedOut={params.signedOut === "1"} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("forgotPassword")}
        </Link>
      </p>
    </AuthCard>
  );
}
