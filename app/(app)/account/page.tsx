// The signed-in user's own account: change password, sign out of every device.
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const t = await getTranslations("account");
  return (
    <div className="mx-auto w-full max-w-md p-4 sm:p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {user.name} · {user.email}
      </p>
      <ChangePasswordForm />
      <SignOutEverywhere />
    </div>
  );
}
