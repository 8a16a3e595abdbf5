// Ends sessions for good: their rows go (so their cookies stop authenticating anywhere, even copied)
// and their open sockets close.
import { db, type Tx } from "@/lib/db";
import { disconnectSockets, type SessionScope } from "@/lib/realtime/disconnect-sockets";

/** Inside a larger transaction; the caller disconnects the sockets (disconnectSockets) after commit. */
export async function deleteSessions(tx: Tx, scope: SessionScope): Promise<void> {
  await tx.session.deleteMany({
    where:
      "sessionId" in scope
        ? { id: scope.sessionId }
        : { userId: scope.userId, ...(scope.exceptSessionId ? { id: { not: scope.exceptSessionId } } : {}) },
  });
}

export async function endSessions(scope: SessionScope): Promise<void> {
  await deleteSessions(db(), scope);
  disconnectSockets(scope);
}
