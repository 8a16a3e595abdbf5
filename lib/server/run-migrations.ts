// Applies prisma/migrations with the stock `prisma migrate deploy` (offline through the wasm engine
// shim configured in prisma.config.ts), so the app and the CLI always agree on the schema history.
//
// Several processes starting together each run this. Prisma takes an advisory lock of its own but
// gives up after 10 seconds, and a fresh database takes longer than that through the wasm engine;
// so the processes queue on a lock of ours, without a time limit: the first migrates, the others
// then find nothing to apply. The lock is held by a session of its own, so it goes with that
// session even if this process dies mid-migration.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";

/** A fixed key that no other advisory lock of the app uses. */
export const MIGRATION_LOCK_KEY = 4_348_202_001;

export async function runMigrations(databaseUrl: string): Promise<void> {
  const lockSession = new pg.Client({ connectionString: databaseUrl, application_name: "migrations-lock" });
  await lockSession.connect();
  try {
    await lockSession.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrateDeploy(databaseUrl);
  } finally {
    await lockSession.end();
  }
}

async function migrateDeploy(databaseUrl: string): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}
