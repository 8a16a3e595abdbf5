// The Socket.io adapter that carries events between the app's processes: PostgreSQL's LISTEN/NOTIFY
// by default (the database is required anyway, so no new service), Redis streams when REDIS_URL is
// set (a process cut off for a moment resumes from its stream offset instead of losing packets).
// docs/decisions.md says why. Every adapter can still lose packets while a link is down, so a
// relinked process tells its browsers to catch up (onRelinked; components/realtime/use-realtime.ts).
// With PostgreSQL, a process that finds no other process's adapter session sends no packets at all
// (othersMayListen): alone, each would be a NOTIFY, often an attachment row, that only it reads back.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createClient } from "redis";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisStreamsAdapter } from "@socket.io/redis-streams-adapter";
import type { ServerOptions } from "socket.io";
import { logger } from "@/lib/logger";
import { OTHER_PROCESSES_MAX_AGE_MS, otherProcessesProbe } from "@/lib/cluster/other-processes-probe";

export interface RealtimeAdapter {
  kind: "postgres" | "redis-streams";
  /** Given to the Socket.io server at its creation. */
  factory: ServerOptions["adapter"];
  /** Whether this process hears the others now: its LISTEN session exists, or Redis answers. */
  isLinked(): Promise<boolean>;
  /** Whether other processes may have sockets: false only on a fresh count that found none. */
  othersMayListen(): boolean;
  /**
   * Resolves once every other process sends its packets to this one, before this process takes
   * sockets: their counts from before it existed must have run out (other-processes-probe.ts).
   */
  visibleToOthers(): Promise<void>;
  /** Called when the link came back after a drop: packets sent meanwhile may be lost. */
  onRelinked(listener: () => void): void;
  close(): Promise<void>;
}

export interface RealtimeAdapterOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** The postgres adapter's pool: one session held for LISTEN, the rest for NOTIFY and attachments. */
  poolMax: number;
}

/**
 * NOTIFY refuses payloads of 8000 bytes or more, and the adapter's own check (in 0.5.0) lets exactly
 * 8000 through; bigger packets go to the attachments table and only their row id is notified.
 */
const NOTIFY_PAYLOAD_THRESHOLD = 7000;
/** Attachment rows are read by every process within moments; older ones are deleted this often. */
const ATTACHMENT_CLEANUP_MS = 30_000;
const RELINK_POLL_MS = 500;
/** How long visibleToOthers waits for the LISTEN session before giving up on being seen (start-up goes on). */
const LINK_AT_START_MS = 10_000;
/** Beyond the others' answer age: time for a count sent just before this process appeared to return. */
const SEEN_MARGIN_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The Redis stream keeps this many packets: what a process cut off for a while can still replay. */
const REDIS_STREAM_MAX_LEN = 100_000;

export async function openRealtimeAdapter(options: RealtimeAdapterOptions): Promise<RealtimeAdapter> {
  return options.redisUrl ? openRedisStreamsAdapter(options.redisUrl) : openPostgresAdapter(options);
}

function openPostgresAdapter({ databaseUrl, poolMax }: RealtimeAdapterOptions): RealtimeAdapter {
  // Named per process, so isLinked can find this process's LISTEN session among the server's.
  const applicationName = `socket.io-adapter-${randomBytes(6).toString("hex")}`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(2, poolMax), application_name: applicationName });
  const relinkedListeners: Array<() => void> = [];
  const checkedOut = new WeakSet<pg.PoolClient>();
  let closing = false;
  let relinkTimer: NodeJS.Timeout | undefined;

  const isLinked = async () => {
    const { rows } = await pool.query<{ linked: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN %') AS linked`,
      [applicationName],
    );
    return rows[0]?.linked === true;
  };
  // Any session of another process's adapter (its LISTEN or its pool) means sockets that may need
  // this process's packets.
  const othersExist = async () => {
    const { rows } = await pool.query<{ others: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                      AND application_name LIKE 'socket.io-adapter-%' AND application_name <> $1) AS others`,
      [applicationName],
    );
    return rows[0]?.others === true;
  };
  const othersMayListen = otherProcessesProbe("realtime adapter sessions", othersExist);
  /** After this process's session appeared: the others' answers that missed it have run out. */
  const seenByOthers = () => sleep(OTHER_PROCESSES_MAX_AGE_MS + SEEN_MARGIN_MS);
  const waitForRelink = () => {
    if (closing || relinkTimer) return;
    relinkTimer = setTimeout(async () => {
      relinkTimer = undefined;
      const linked = await isLinked().catch(() => false);
      if (closing) return;
      if (!linked) return waitForRelink();
      // Another process may have counted this one gone meanwhile and kept its packets: the
      // browsers catch up once it surely sends them again.
      await seenByOthers();
      if (closing) return;
      logger.info("Realtime adapter listens again; browsers are told to catch up");
      relinkedListeners.forEach((listener) => listener());
    }, RELINK_POLL_MS);
  };

  pool.on("error", (error) => logger.warn("Realtime adapter lost an idle database connection", { error }));
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  pool.on("connect", (client) => {
    // The LISTEN session stays checked out, and pg-pool listens for errors only on idle clients:
    // without this, a terminated session would throw an uncaught error and end the process.
    client.on("error", (error) => logger.warn("Realtime adapter lost its database connection", { error }));
    client.on("end", () => {
      // The adapter never releases its LISTEN session, not even a dead one; without this release
      // the pool would count it forever and run out of connections after a few drops.
      if (!checkedOut.has(client)) return;
      client.release(new Error("connection ended"));
      waitForRelink();
    });
  });

  return {
    kind: "postgres",
    factory: createPostgresAdapter(pool, {
      payloadThreshold: NOTIFY_PAYLOAD_THRESHOLD,
      cleanupInterval: ATTACHMENT_CLEANUP_MS,
      errorHandler: (error) => logger.warn("Realtime adapter error", { error }),
    }),
    isLinked,
    othersMayListen,
    async visibleToOthers() {
      const giveUpAt = Date.now() + LINK_AT_START_MS;
      while (!(await isLinked().catch(() => false))) {
        if (Date.now() > giveUpAt) {
          logger.warn("Realtime adapter does not listen yet; starting anyway");
          return;
        }
        await sleep(RELINK_POLL_MS);
      }
      // The first process has nobody to wait for.
      if (await othersExist().catch(() => true)) await seenByOthers();
    },
    onRelinked: (listener) => relinkedListeners.push(listener),
    async close() {
      closing = true;
      clearTimeout(relinkTimer);
      await pool.end();
    },
  };
}

async function openRedisStreamsAdapter(redisUrl: string): Promise<RealtimeAdapter> {
  const client = createClient({ url: redisUrl });
  const relinkedListeners: Array<() => void> = [];
  let dropped = false;
  client.on("error", (error) => {
    if (!dropped) logger.warn("Realtime adapter lost Redis; reconnecting", { error });
    dropped = true;
  });
  client.on("ready", () => {
    if (!dropped) return;
    dropped = false;
    // The stream replays what was missed while it is within its length; beyond that only the
    // browsers' catch-up helps, and it is cheap, so it is asked for after every drop.
    relinkedListeners.forEach((listener) => listener());
  });
  await client.connect();
  return {
    kind: "redis-streams",
    factory: createRedisStreamsAdapter(client, { maxLen: REDIS_STREAM_MAX_LEN }),
    isLinked: async () => client.isReady && (await client.ping()) === "PONG",
    // The other processes are not counted on Redis: packets always go out, as before.
    othersMayListen: () => true,
    visibleToOthers: async () => {},
    onRelinked: (listener) => relinkedListeners.push(listener),
    async close() {
      client.destroy();
    },
  };
}
