// Each platform's name as customers and staff know it, for texts that name the platform of a
// conversation ("Khách hàng Facebook"). Brand names read the same in every language. Browser-safe.
import type { Platform } from "@/lib/generated/prisma/enums";

export const platformNames = {
  facebook: "Facebook",
  zalo: "Zalo",
} as const satisfies Record<Platform, string>;
