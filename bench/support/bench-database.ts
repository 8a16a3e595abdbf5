// A fresh, migrated PostgreSQL database for one benchmark run, and the configuration the app's
// modules read. Dropped again at the end. Server: BENCH_DATABASE_URL, TEST_DATABASE_URL or
// DATABASE_URL (any database on it; the benchmark creates its own next to it). The Meta and Zalo
// apps' ids and secrets default to the benchmarks' own, shared with the emulators they start.
import { randomBytes } from "node:crypto";
import { runMigrations } from "../../lib/server/run-migrations";
import { dropDatabase, recreateDatabase } from "../../tests/support/test-database";

export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  const database = `bench_${name}_${randomBytes(4).toString("hex")}`;
  const url = await recreateDatabase(baseUrl, database);
  await runMigrations(url);
  Object.assign(process.env, {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    META_APP_ID: process.env.META_APP_ID ?? "bench-app",
    META_APP_SECRET: process.env.META_APP_SECRET ?? "bench-app-secret",
    META_VERIFY_TOKEN: process.env.META_VERIFY_TOKEN ?? "bench-verify-token",
    ZALO_APP_ID: process.env.ZALO_APP_ID ?? "2000000000000000901",
    ZALO_APP_SECRET: process.env.ZALO_APP_SECRET ?? "bench-zalo-app-secret",
    ZALO_OA_SECRET_KEY: process.env.ZALO_OA_SECRET_KEY ?? "bench-zalo-oa-secret-key",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  return { url, drop: () => dropDatabase(baseUrl, database) };
}
