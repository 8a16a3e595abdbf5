// Liveness for load balancers and the end-to-end suite's server start: the database answers a
// query and the realtime server is running. The answer is that and nothing more: the route is
// public, and component names, versions or counts would only tell a stranger what runs here.
import { db } from "@/lib/db";
import { realtimeServer } from "@/lib/realtime/io";

export type Health = { status: "ok" } | { status: "unavailable" };

export async function checkHealth(): Promise<Health> {
  const databaseUp = await db()
    .$queryRaw`SELECT 1`.then(() => true)
    .catch(() => false);
  return databaseUp && realtimeServer() ? { status: "ok" } : { status: "unavailable" };
}
