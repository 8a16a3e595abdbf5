// "A webhook was stored" between processes: the process that stored it sends a NOTIFY, every
// process's webhook worker LISTENs and wakes its processor, so a webhook acknowledged by one
// process is processed within milliseconds by whichever claims it first (the 5 s sweep stays as
// the fallback while a LISTEN session is down).
//
// The NOTIFY is its own statement after the INSERT has committed, never inside it: a transaction
// that notifies takes a database-wide lock at commit, which would serialise every webhook insert
// (docs/decisions.md). And it is coalesced: while one is in flight, later commits only ask for one
// more, so there is at most one per group commit and fewer under load. A process whose listener is
// the only one sends none at all (announceToOtherProcesses): its own processor was woken directly.
import pg from "pg";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { otherProcessesProbe } from "@/lib/cluster/other-processes-probe";

const CHANNEL = "webhook_stored";
/** How every process's LISTEN session is named: counting them says whether other processes exist. */
const LISTENER_NAME = "webhook-stored-listener";
const RELISTEN_DELAY_MS = 1_000;

const holder = globalThis as unknown as { __webhookNotice?: { inFlight: boolean; again: boolean }; __otherWebhookListeners?: () => boolean };

/**
 * Call after a webhook INSERT committed, once this process's processor was woken directly: NOTIFYs
 * the other processes' processors, unless none listens. Saves a statement per webhook (and a
 * wake-up of every LISTEN session of the database) for a process that runs alone. A process that
 * starts while the count says "alone" misses wake-ups only: this process processes the webhook
 * anyway, and the newcomer's claims and sweeps find whatever is left.
 */
export function announceToOtherProcesses(): void {
  // Ours is one of the listeners when this process's processor listens; when it does not (its
  // session is reconnecting), a single other process is skipped too, which costs it a wake-up only.
  holder.__otherWebhookListeners ??= otherProcessesProbe("webhook listeners", async () => (await countListeners()) > 1);
  if (holder.__otherWebhookListeners()) announceWebhookStored();
}

async function countListeners(): Promise<number> {
  const [row] = await db().$queryRaw<{ listeners: number }[]>`
    SELECT count(*)::int AS listeners FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${LISTENER_NAME} AND query LIKE 'LISTEN %'`;
  return row?.listeners ?? 0;
}

/** Sends the NOTIFY (coalesced); returns at once (the answer to the platform never waits for it). */
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
    const session = new pg.Client({ connectionString: databaseUrl, application_name: LISTENER_NAME });
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
