// "A webhook was stored" between processes: the process that stored it sends a NOTIFY, every
// process's webhook worker LISTENs and wakes its processor, so a webhook acknowledged by one
// process is processed within milliseconds by the process that leads the processing
// (webhook-processor.ts; the 5 s sweep stays as the fallback while a LISTEN session is down).
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
import { processorLeadsHere } from "@/lib/webhooks/webhook-queue-signal";

const CHANNEL = "webhook_stored";
/** How every process's LISTEN session is named: counting them says whether other processes exist. */
const LISTENER_NAME = "webhook-stored-listener";
const RELISTEN_DELAY_MS = 1_000;

const holder = globalThis as unknown as { __webhookNotice?: { inFlight: boolean; again: boolean }; __otherWebhookListeners?: () => boolean };

/**
 * Call after a webhook INSERT committed, once this process's processor was woken directly: NOTIFYs
 * the processor that leads, unless it is this process's or no other process listens. Saves a
 * statement per webhook (and a wake-up of every LISTEN session of the database) for the leader and
 * for a process that runs alone. A process that starts while the count says "alone" misses
 * wake-ups only: it stands by until the lead is free, and the leader's sweeps find what is left.
 */
export function announceToOtherProcesses(): void {
  // The leader claims whatever is stored anywhere; when it is this process, it was woken directly.
  if (processorLeadsHere()) return;
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

/** A fixed key that no other advisory lock of the app uses (run-migrations.ts has another). */
export const PROCESSOR_LEAD_KEY = 4_348_202_002;

export interface WebhookSession {
  /** Whether this process's processor leads now: its session holds the lead lock. */
  leads(): boolean;
  /** Takes the lead if no other process's session holds it; false while this session is down. */
  tryToLead(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Holds a LISTEN session of its own (a pooled connection cannot keep one) and calls `onStored` for
 * every announcement, and once each time it (re)connects, since some may have been missed meanwhile.
 * The same session holds the processor's lead (webhook-processor.ts), a session-level advisory lock:
 * it ends with the session, so a process that dies or loses its database link hands the lead on.
 */
export function listenForStoredWebhooks(databaseUrl: string, onStored: () => void): WebhookSession {
  let client: pg.Client | undefined;
  /** The session once it listens: the lead is taken on it only then. */
  let listening: pg.Client | undefined;
  let leading = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const listenAgainSoon = () => {
    client = undefined;
    listening = undefined;
    // A processor that led wakes to learn it no longer does (and to say so).
    if (leading) queueMicrotask(onStored);
    leading = false;
    if (!stopped && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), RELISTEN_DELAY_MS);
  };
  /**
   * LISTEN (again: a no-op once listening) and try for the lead, as one text: pg_stat_activity shows
   * it as the session's last query, and "LISTEN …" first is how processes count each other's
   * listeners (countListeners above).
   */
  const listenAndTryToLead = async (session: pg.Client) => {
    const results = (await session.query(`LISTEN ${CHANNEL}; SELECT pg_try_advisory_lock(${PROCESSOR_LEAD_KEY}) AS locked`)) as unknown as pg.QueryResult<{ locked?: boolean }>[];
    return results[1]?.rows[0]?.locked === true;
  };
  const connect = async () => {
    const session = new pg.Client({ connectionString: databaseUrl, application_name: LISTENER_NAME });
    client = session;
    session.on("notification", onStored);
    session.on("error", (error) => logger.warn("Lost the webhook LISTEN session; listening again shortly", { error }));
    session.on("end", listenAgainSoon);
    try {
      await session.connect();
      leading = await listenAndTryToLead(session);
      listening = session;
      onStored();
    } catch {
      await session.end().catch(() => {});
      listenAgainSoon();
    }
  };
  void connect();

  return {
    leads: () => leading,
    async tryToLead() {
      const session = listening;
      if (!session) return false;
      const locked = await listenAndTryToLead(session).catch(() => false);
      leading = locked && listening === session;
      return leading;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      leading = false;
      await client?.end().catch(() => {});
    },
  };
}
