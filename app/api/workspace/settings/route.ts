import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { workspaceSettingsSchema } from "@/lib/workspace/workspace-settings";
import { updateWorkspaceSettings } from "@/lib/workspace/update-workspace-settings";

export const PUT = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  return NextResponse.json({ settings: await updateWorkspaceSettings(admin, await readJson(request, workspaceSettingsSchema)) });
});
