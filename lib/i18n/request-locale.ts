// The language of the request under way: the remembered cookie, else Vietnamese. For pages next-intl
// reads it (request.ts); a route that writes words into a file (the CSV exports) asks here.
import { cookies } from "next/headers";
import { defaultLocale, isLocale, localeCookie, type Locale } from "@/lib/i18n/locales";

export async function requestLocale(): Promise<Locale> {
  const stored = (await cookies()).get(localeCookie)?.value;
  return isLocale(stored) ? stored : defaultLocale;
}
