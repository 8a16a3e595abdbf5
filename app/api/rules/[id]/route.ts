// One assignment rule (admins): read, save the whole form, delete.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { ruleInputSchema } from "@/lib/assignment/rule-schemas";
import { getRule } from "@/lib/assignment/list-rules";
import { updateRule } from "@/lib/assignment/save-rule";
import { deleteRule } from "@/lib/assignment/delete-rule";

type Context = { params: Promise<{ id: string }> };

export const GET = jsonRoute<Context>(async (_request, { params }) => {
  const admin = await requireAdmin();
  return NextResponse.json({ rule: await getRule(admin, (await params).id) });
});

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const admin = await requireAdmin();
  const input = await readJson(request, ruleInputSchema);
  return NextResponse.json({ rule: await updateRule(admin, (await params).id, input) });
});

export const DELETE = jsonRoute<Context>(async (_request, { params }) => {
  const admin = await requireAdmin();
  await deleteRule(admin, (await params).id);
  return new Response(null, { status: 204 });
});
