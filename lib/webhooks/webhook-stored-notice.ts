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

const CHANNEL = "webhook_stored";
/** How every process's LISTEN session is named: counting them says whether other processes exist. */
const LISTENER_NAME = "webhook-stored-listener";
const RELISTEN_DELAY_MS = 1_000;
/** How long a count of listeners is trusted; a process that starts meanwhile misses only wake-ups. */
const LISTENERS_RECOUNT_MS = 1_000;

interface ListenerCount {
  /** Null until the first count: announce meanwhile, as if others listened. */
  others: boolean | null;
  countedAt: number;
  counting: boolean;
}

const holder = globalThis as unknown as { __webhookNotice?: { inFlight: boolean; again: boolean }; __webhookListeners?: ListenerCount };

/**
 * Call after a webhook INSERT committed, once this process's processor was woken directly: NOTIFYs
 * the other processes' processors, unless no other process listens. Saves a statement per webhook
 * (and a wake-up of every LISTEN session of the database) for a process that runs alone, the only
 * kind before several processes. A count up to LISTENERS_RECOUNT_MS old is used as is: a process
 * that starts meanwhile finds the webhook at its next claim or sweep, and this process processes it
 * anyway.
 */
export function announceToOtherProcesses(): void {
  const count = (holder.__webhookListeners ??= { others: null, countedAt: 0, counting: false });
  if (!count.counting && Date.now() - count.countedAt >= LISTENERS_RECOUNT_MS) {
    count.counting = true;
    void countListeners()
      .then((listeners) => {
        // Ours is one of them when this process's processor listens; when it does not (its session
        // is reconnecting), a single other process is skipped too, which costs it a wake-up only.
        count.others = listeners > 1;
      })
      .catch((error: unknown) => {
        count.others = null;
        logger.warn("Could not count the webhook listeners; announcing meanwhile", { error });
      })
      .finally(() => {
        count.counting = false;
        count.countedAt = Date.now();
      });
  }
  if (count.others !== false) announceWebhookStored();
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
