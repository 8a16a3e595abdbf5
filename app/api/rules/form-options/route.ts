// What the rule form offers (admins): the workspace's pages with their current rule, and its staff.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listRuleFormOptions } from "@/lib/assignment/list-rule-form-options";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json(await listRuleFormOptions(admin));
});
