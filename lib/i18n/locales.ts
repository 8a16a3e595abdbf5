// Supported UI languages. Vietnamese is the default; the choice is remembered in a cookie.
export const locales = ["vi", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "vi";
export const localeCookie = "NEXT_LOCALE";
/** Where the shops are: dates are shown in this zone until a shop chooses its own ("Cài đặt cửa hàng"). */
export const workspaceTimeZone = "Asia/Ho_Chi_Minh";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
