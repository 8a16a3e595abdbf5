// Readiness for load balancers and orchestrators: whether this process should get new work now.
// Unlike /api/health (alive or not), it turns 503 as soon as a shutdown begins, and while the
// database or the link to the other processes is down. It names its checks and nothing more.
import { db } from "@/lib/db";
import { realtimeLinked } from "@/lib/realtime/io";
import { serverPhase } from "@/lib/server/server-phase";

export interface Readiness {
  status: "ready" | "not_ready";
  database: boolean;
  /** Sockets are served and the adapter hears the other processes. */
  realtime: boolean;
  acceptingWork: boolean;
}

export async function checkReadiness(): Promise<Readiness> {
  const acceptingWork = serverPhase() === "accepting";
  const [database, realtime] = await Promise.all([
    db()
      .$queryRaw`SELECT 1`.then(() => true)
      .catch(() => false),
    realtimeLinked(),
  ]);
  return { status: database && realtime && acceptingWork ? "ready" : "not_ready", database, realtime, acceptingWork };
}
