// The live channels a staff member connected, which change hands if they are deactivated: the staff
// screen asks what becomes of each "only me" page before it locks the account.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/json-route";
import { listChannels } from "@/lib/channels/list-channels";

export const GET = jsonRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const admin = await requireAdmin();
  const channels = await listChannels(admin, { connectedById: (await params).id, status: { not: "disconnected" } });
  return NextResponse.json({ channels });
});
