// The signed-in user's own "Sẵn sàng nhận chat" / "Tạm vắng", for the user menu's switch.
import { db } from "@/lib/db";
import type { Availability } from "@/lib/availability/set-availability";

export async function getAvailability(userId: string): Promise<Availability> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { availability: true } });
  return user.availability;
}
