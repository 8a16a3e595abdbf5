// Each platform's name as customers and staff know it, for texts that name the platform of a
// conversation ("Khách hàng Facebook") or its settings ("Cấu hình Facebook"). Brand names read the
// same in every language. Browser-safe. Its keys are also the platforms the app has, in display order.
import type { Platform } from "@/lib/generated/prisma/enums";

export const platformNames = {
  facebook: "Facebook",
  zalo: "Zalo",
} as const satisfies Record<Platform, string>;

/** The app customers chat in on each platform, for texts about what it accepts ("Messenger sẽ không nhận"). */
export const chatAppNames = {
  facebook: "Messenger",
  zalo: "Zalo",
} as const satisfies Record<Platform, string>;

/** Every platform, in the order the channels overview shows them. */
export const platforms = Object.keys(platformNames) as Platform[];

/** For a platform from a URL segment: only the app's own platforms, never an inherited property name. */
export function isPlatform(value: string): value is Platform {
  return Object.hasOwn(platformNames, value);
}
