// "A webhook was stored" between processes: the process that stored it sends a NOTIFY, every
// process's webhook worker LISTENs and wakes its processor, so a webhook acknowledged by one
// process is processed within milliseconds by whichever claims it first (the 5 s sweep stays as
// the fallback while a LISTEN session is down).
//
// The NOTIFY is its own statement after the INSERT has committed, never inside it: a transaction
// that notifies takes a database-wide lock at commit, which would serialise every webhook insert
// (docs/decisions.md). And it is coalesced: while one is in flight, later commits only ask for one
// more, so there is at most one per group commit and fewer under load.
import pg from "pg";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

const CHANNEL = "webhook_stored";
const RELISTEN_DELAY_MS = 1_000;

const holder = globalThis as unknown as { __webhookNotice?: { inFlight: boolean; again: boolean } };

/** Call after a webhook INSERT committed; returns at once (the answer to the platform never waits for it). */
export function announceWebhookStored(): void {
  const notice = (holder.__webhookNotice ??= { inFlight: false, again: false });
  if (notice.inFlight) {
    notice.again = true;
    return;
  }
  notice.inFlight = true;
  notice.again = false;
  db()
    .$executeRaw`SELECT pg_notify(${CHANNEL}, '')`
    .catch((error: unknown) => logger.warn("Could not announce a stored webhook; other processes find it at their next sweep", { error }))
    .finally(() => {
      notice.inFlight = false;
      if (notice.again) announceWebhookStored();
    });
}

/**
 * Holds a LISTEN session of its own (a pooled connection cannot keep one) and calls `onStored` for
 * every announcement, and once each time it (re)connects, since some may have been missed meanwhile.
 */
export function listenForStoredWebhooks(databaseUrl: string, onStored: () => void): { stop: () => Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const listenAgainSoon = () => {
    client = undefined;
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), RELISTEN_DELAY_MS);
  };
  const connect = async () => {
    const session = new pg.Client({ connectionString: databaseUrl, application_name: "webhook-stored-listener" });
    client = session;
    session.on("notification", onStored);
    session.on("error", (error) => logger.warn("Lost the webhook LISTEN session; listening again shortly", { error }));
    session.on("end", listenAgainSoon);
    try {
      await session.connect();
      await session.query(`LISTEN ${CHANNEL}`);
      onStored();
    } catch {
      await session.end().catch(() => {});
      listenAgainSoon();
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
