// The one PrismaClient of the process, and the pg pool under it (hot reads written as SQL use that
// pool directly: lib/sql-read.ts). Kept on globalThis because server.ts (run by tsx) and the Next.js
// bundles load this module separately; both must share the same pool.
import { createHash } from "node:crypto";
import { isMainThread } from "node:worker_threads";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const holder = globalThis as unknown as { __prisma?: PrismaClient; __pool?: pg.Pool };

function createClient(): { client: PrismaClient; pool: pg.Pool } {
  // The webhook worker thread has its own pool, sized on its own (docs/decisions.md, "Connections per process").
  const max = isMainThread ? env().DATABASE_POOL_MAX : env().WEBHOOK_WORKER_POOL_MAX;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max });
  // An idle connection that breaks (PostgreSQL restarted) is an 'error' on the pool, fatal without a
  // listener. The adapter adds its own once Prisma connects; the SQL reads may use the pool before.
  pool.on("error", (error) => logger.warn("An idle database connection failed", { error: error.message }));
  const adapter = new PrismaPg(pool, { statementNameGenerator: preparedStatementName });
  return { client: new PrismaClient({ adapter }), pool };
}

// A statement with more parameters than this is almost always one of a batch's IN lists, whose every
// length would be one more statement kept on every connection: those stay unnamed (parsed each time).
// So do statements without parameters: pg sends those as a simple query, which may hold several
// commands (raw SQL scripts) where a prepared statement may not.
const MAX_PREPARED_PARAMETERS = 32;

/**
 * Each SQL text Prisma sends is prepared once per connection, under a name derived from the text:
 * PostgreSQL then parses and analyses it once rather than on every call (it still plans each call
 * until a generic plan proves as cheap). Measured on the inbox API: the parse and plan of its many
 * small queries were a large part of the database's CPU (docs/benchmarks.md, issue 18). An empty
 * name leaves the statement unnamed.
 */
function preparedStatementName(query: SqlQuery): string {
  if (query.args.length === 0 || query.args.length > MAX_PREPARED_PARAMETERS) return "";
  return statementNameFor(query.sql);
}

/**
 * The name a statement is prepared under on each connection, derived from its text: Prisma's and the
 * SQL reads' assembled statements (lib/sql-read.ts) alike.
 */
export function statementNameFor(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    // Hashing the text on every call showed in the inbox API's profile; an app has a few hundred
    // statements, and the bound only guards against SQL that varies without end.
    if (statementNames.size >= MAX_REMEMBERED_NAMES) statementNames.clear();
    name = `s_${createHash("sha1").update(sql).digest("base64url")}`;
    statementNames.set(sql, name);
  }
  return name;
}

const MAX_REMEMBERED_NAMES = 5_000;
const statementNames = new Map<string, string>();

function connected(): { client: PrismaClient; pool: pg.Pool } {
  if (!holder.__prisma || !holder.__pool) ({ client: holder.__prisma, pool: holder.__pool } = createClient());
  return { client: holder.__prisma, pool: holder.__pool };
}

export function db(): PrismaClient {
  return connected().client;
}

/** The pool under db(), for the reads written as SQL (lib/sql-read.ts); never for writes, which go through Prisma. */
export function dbPool(): pg.Pool {
  return connected().pool;
}

export async function disconnectDb(): Promise<void> {
  await holder.__prisma?.$disconnect();
  await holder.__pool?.end();
  holder.__prisma = undefined;
  holder.__pool = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
