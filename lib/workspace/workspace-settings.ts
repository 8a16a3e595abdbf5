// "Cài đặt cửa hàng": the shape of the workspace's own settings (shop name, time zone, working
// hours per weekday, whether staff may connect their own pages), shared by the setup screen, the
// settings screen and the API.
import { z } from "zod";
import { weekdays } from "@/lib/workspace/working-week";

/** A zone Intl can format dates in (IANA names, aliases included: ICU lists Asia/Saigon, not Asia/Ho_Chi_Minh). */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isKnownTimeZone, "time_zone_unknown");

export const shopNameSchema = z.string().trim().min(1).max(100);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_invalid");

/** "HH:MM" strings compare in clock order, so a day that closes before it opens is refused. */
const openingHours = z
  .strictObject({ opens: clockTime, closes: clockTime })
  .refine(({ opens, closes }) => opens < closes, { message: "closes_before_opens", path: ["closes"] });

/** Days left out are closed; `{}` means the shop has not said when it works. */
export const workingHoursSchema = z.partialRecord(z.enum(weekdays), openingHours);
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const workspaceSettingsSchema = z.object({
  name: shopNameSchema,
  timeZone: timeZoneSchema,
  workingHours: workingHoursSchema,
  /** Off: only admins open "Cấu hình Kênh chat"; channels already connected keep working. */
  staffMayConnectOwnPages: z.boolean(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
