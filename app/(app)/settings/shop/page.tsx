// "Cài đặt cửa hàng": the workspace's own settings (admins only, through the settings layout).
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { readWorkspaceSettings } from "@/lib/workspace/read-workspace-settings";
import { ShopSettingsForm } from "@/components/workspace/shop-settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("shopSettings"))("title") };
}

export default async function ShopSettingsPage() {
  const admin = await requirePageAdmin("/settings/shop");
  const t = await getTranslations("shopSettings");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <ShopSettingsForm initial={await readWorkspaceSettings(admin.workspaceId)} />
    </div>
  );
}
