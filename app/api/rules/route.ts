// Assignment rules of the workspace (admins): list and create.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { ruleInputSchema } from "@/lib/assignment/rule-schemas";
import { listRules } from "@/lib/assignment/list-rules";
import { createRule } from "@/lib/assignment/save-rule";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json({ rules: await listRules(admin) });
});

export const POST = jsonRoute(async (request) => {
  const admin = await requireAdmin();
  const input = await readJson(request, ruleInputSchema);
  return NextResponse.json({ rule: await createRule(admin, input) }, { status: 201 });
});
