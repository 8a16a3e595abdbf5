// next-intl request configuration: the locale comes from the remembered cookie, else Vietnamese;
// dates are shown in the signed-in user's shop's time zone ("Cài đặt cửa hàng"), else Vietnam's.
// Catalogs are split by feature area (messages/<locale>/<area>.json) and merged here.
import { getRequestConfig } from "next-intl/server";
import { workspaceTimeZone, type Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { catalogAreas } from "@/lib/i18n/catalog-areas";
import { currentUser } from "@/lib/auth/session";
import { readWorkspaceTimeZone } from "@/lib/workspace/read-workspace-time-zone";

async function loadMessages(locale: Locale) {
  const parts = await Promise.all(
    catalogAreas.map(async (area) => (await import(`../../messages/${locale}/${area}.json`)).default),
  );
  return Object.assign({}, ...parts);
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const user = await currentUser();
  const timeZone = user ? await readWorkspaceTimeZone(user.workspaceId) : workspaceTimeZone;
  return { locale, messages: await loadMessages(locale), timeZone };
});
