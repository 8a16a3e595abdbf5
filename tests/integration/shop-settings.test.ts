import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readWorkspaceSettings } from "@/lib/workspace/read-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/workspace/update-workspace-settings";
import { workspaceSettingsSchema } from "@/lib/workspace/workspace-settings";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";

let admin: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  const workspace = await db().workspace.create({ data: { name: "Shop" } });
  admin = { id: "admin", email: "a@shop.vn", name: "A", role: "admin", workspaceId: workspace.id };
});

describe("Cài đặt cửa hàng", () => {
  it("a new shop works in Vietnam's time zone and has said nothing about its hours", async () => {
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual({ name: "Shop", timeZone: "Asia/Ho_Chi_Minh", workingHours: {} });
  });

  it("saves the name, the time zone and the hours of the days the shop works", async () => {
    const settings = workspaceSettingsSchema.parse({
      name: " Shop Hoa Mai ",
      timeZone: "Asia/Bangkok",
      workingHours: { mon: { opens: "08:00", closes: "17:30" }, sat: { opens: "09:00", closes: "12:00" } },
    });
    await updateWorkspaceSettings(admin, settings);
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual({
      name: "Shop Hoa Mai",
      timeZone: "Asia/Bangkok",
      workingHours: { mon: { opens: "08:00", closes: "17:30" }, sat: { opens: "09:00", closes: "12:00" } },
    });
  });

  it("refuses a day that closes before it opens, a time that is no time, and a day that does not exist", () => {
    const attempt = (workingHours: unknown) => workspaceSettingsSchema.safeParse({ name: "Shop", timeZone: "Asia/Ho_Chi_Minh", workingHours });
    const reasons = (result: ReturnType<typeof attempt>) => (result.success ? [] : result.error.issues.map(({ path, message }) => `${path.join(".")}: ${message}`));
    expect(reasons(attempt({ mon: { opens: "18:00", closes: "08:00" } }))).toEqual(["workingHours.mon.closes: closes_before_opens"]);
    expect(reasons(attempt({ tue: { opens: "25:00", closes: "26:00" } }))).toHaveLength(2);
    expect(attempt({ funday: { opens: "08:00", closes: "09:00" } }).success).toBe(false);
  });
});
