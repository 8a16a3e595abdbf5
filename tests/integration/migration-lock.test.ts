// Issue 13: processes that start together migrate one at a time. While another session holds the
// migration lock, a starting process waits and applies nothing; once it is released, it migrates.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATION_LOCK_KEY, runMigrations } from "@/lib/server/run-migrations";
import { dropDatabase, recreateDatabase } from "../support/test-database";

const baseUrl = inject("testDatabaseBaseUrl");
const database = `chat_test_lock_${randomBytes(4).toString("hex")}`;

afterAll(() => dropDatabase(baseUrl, database));

async function sessionsWaitingForTheLock(client: pg.Client): Promise<number> {
  // A bigint advisory key is stored as its high and low 32 bits.
  const { rows } = await client.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_locks
     WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND ((classid::bigint << 32) | objid::bigint) = $1`,
    [MIGRATION_LOCK_KEY],
  );
  return rows[0]?.waiting ?? 0;
}

describe("migrations when several processes start together", () => {
  it("wait for the process that holds the migration lock, then apply every migration once", async () => {
    const url = await recreateDatabase(baseUrl, database);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const first = runMigrations(url);
      const second = runMigrations(url);
      await expect.poll(() => sessionsWaitingForTheLock(holder), { timeout: 20_000 }).toBe(2);
      const { rows } = await holder.query<{ table: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS table`);
      expect(rows[0]?.table).toBeNull();

      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      await Promise.all([first, second]);
      const applied = await holder.query<{ name: string; times: number }>(
        `SELECT migration_name AS name, count(*)::int AS times FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1`,
      );
      expect(applied.rows.length).toBeGreaterThan(0);
      expect(applied.rows.every((row) => row.times === 1)).toBe(true);
      expect(applied.rows.map((row) => row.name)).toContain("20261203102000_socket_io_attachments");
    } finally {
      await holder.end();
    }
  }, 120_000);
});
