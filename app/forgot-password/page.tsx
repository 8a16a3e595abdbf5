// "Quên mật khẩu?": with no mail server assumed, a password is reset by an admin's one-time link.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";

export async function generateMetadata() {
  return { title: (await getTranslations("forgotPassword"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <AuthCard title={t("title")}>
      <p className="text-sm text-slate-700">{t("body")}</p>
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </AuthCard>
  );
}
