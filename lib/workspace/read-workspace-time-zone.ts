// The zone a shop's dates are shown in, once per page render.
import { cache } from "react";
import { db } from "@/lib/db";
import { workspaceTimeZone } from "@/lib/i18n/locales";

export const readWorkspaceTimeZone = cache(async (workspaceId: string): Promise<string> => {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  return workspace?.timeZone ?? workspaceTimeZone;
});
