// Readiness for load balancers: the database answers a query and the realtime server is running.
import { db } from "@/lib/db";
import { realtimeServer } from "@/lib/realtime/io";

export async function checkHealth() {
  const database = await db()
    .$queryRaw`SELECT 1`.then(() => "up" as const)
    .catch(() => "down" as const);
  const io = realtimeServer();
  const realtime = io ? ("up" as const) : ("down" as const);
  return {
    status: database === "up" && realtime === "up" ? ("ok" as const) : ("degraded" as const),
    database,
    realtime,
    connectedSockets: io?.engine.clientsCount ?? 0,
  };
}
