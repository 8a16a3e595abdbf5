import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readWorkspaceSettings } from "@/lib/workspace/read-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/workspace/update-workspace-settings";
import { workspaceSettingsSchema } from "@/lib/workspace/workspace-settings";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { statusOf } from "../support/route-status";

let admin: SessionUser;
let agent: SessionUser;

beforeEach(async () => {
  await resetDatabase();
  const workspace = await db().workspace.create({ data: { name: "Shop" } });
  admin = { id: "admin", email: "a@shop.vn", name: "A", role: "admin", workspaceId: workspace.id };
  agent = { id: "agent", email: "b@shop.vn", name: "B", role: "agent", workspaceId: workspace.id };
});

/** The form's whole submission, parsed as the route parses it. */
const submission = (fields: Record<string, unknown>) =>
  workspaceSettingsSchema.parse({ name: "Shop", timeZone: "Asia/Ho_Chi_Minh", workingHours: {}, staffMayConnectOwnPages: true, ...fields });

describe("Cài đặt cửa hàng", () => {
  it("a new shop works in Vietnam's time zone and has said nothing about its hours", async () => {
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual({
      name: "Shop",
      timeZone: "Asia/Ho_Chi_Minh",
      workingHours: {},
      staffMayConnectOwnPages: true,
    });
  });

  it("saves the name, the time zone and the hours of the days the shop works", async () => {
    const settings = workspaceSettingsSchema.parse({
      name: " Shop Hoa Mai ",
      timeZone: "Asia/Bangkok",
      workingHours: { mon: { opens: "08:00", closes: "17:30" }, sat: { opens: "09:00", closes: "12:00" } },
      staffMayConnectOwnPages: true,
    });
    await updateWorkspaceSettings(admin, settings);
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual({
      name: "Shop Hoa Mai",
      timeZone: "Asia/Bangkok",
      workingHours: { mon: { opens: "08:00", closes: "17:30" }, sat: { opens: "09:00", closes: "12:00" } },
      staffMayConnectOwnPages: true,
    });
  });

  it("refuses a day that closes before it opens, a time that is no time, and a day that does not exist", () => {
    const attempt = (workingHours: unknown) => workspaceSettingsSchema.safeParse({ name: "Shop", timeZone: "Asia/Ho_Chi_Minh", workingHours, staffMayConnectOwnPages: true });
    const reasons = (result: ReturnType<typeof attempt>) => (result.success ? [] : result.error.issues.map(({ path, message }) => `${path.join(".")}: ${message}`));
    expect(reasons(attempt({ mon: { opens: "18:00", closes: "08:00" } }))).toEqual(["workingHours.mon.closes: closes_before_opens"]);
    expect(reasons(attempt({ tue: { opens: "25:00", closes: "26:00" } }))).toHaveLength(2);
    expect(attempt({ funday: { opens: "08:00", closes: "09:00" } }).success).toBe(false);
  });

  it("lets an admin turn off and back on whether staff may connect their own pages", async () => {
    await updateWorkspaceSettings(admin, submission({ staffMayConnectOwnPages: false }));
    expect(await readWorkspaceSettings(admin.workspaceId)).toMatchObject({ name: "Shop", staffMayConnectOwnPages: false });
    await updateWorkspaceSettings(admin, submission({ staffMayConnectOwnPages: true }));
    expect(await readWorkspaceSettings(admin.workspaceId)).toMatchObject({ name: "Shop", staffMayConnectOwnPages: true });
  });

  it("refuses an agent (403) and changes nothing", async () => {
    const before = await readWorkspaceSettings(admin.workspaceId);
    expect(await statusOf(() => updateWorkspaceSettings(agent, submission({ name: "Shop của B", staffMayConnectOwnPages: false })))).toBe(403);
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual(before);
  });

  it("refuses a setting that is not true or false (400), or is left out, and changes nothing", async () => {
    const before = await readWorkspaceSettings(admin.workspaceId);
    for (const staffMayConnectOwnPages of ["false", 0, null, undefined]) {
      expect(await statusOf(async () => updateWorkspaceSettings(admin, submission({ staffMayConnectOwnPages })))).toBe(400);
    }
    expect(await readWorkspaceSettings(admin.workspaceId)).toEqual(before);
  });
});
