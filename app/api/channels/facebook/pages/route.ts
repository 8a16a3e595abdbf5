// The signed-in admin's Facebook pages with their state here (wizard steps 3-4).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listFacebookPages } from "@/lib/channels/facebook/list-facebook-pages";

export const GET = jsonRoute(async () => {
  const admin = await requireAdmin();
  return NextResponse.json(await listFacebookPages(admin));
});
