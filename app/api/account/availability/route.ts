// The user menu's switch: "Sẵn sàng nhận chat" or "Tạm vắng", { availability }.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { jsonRoute, readJson } from "@/lib/http/json-route";
import { availabilityInputSchema } from "@/lib/assignment/rule-schemas";
import { setAvailability } from "@/lib/availability/set-availability";

export const POST = jsonRoute(async (request) => {
  const user = await requireUser();
  const { availability } = await readJson(request, availabilityInputSchema);
  await setAvailability(user, availability);
  return NextResponse.json({ availability });
});
