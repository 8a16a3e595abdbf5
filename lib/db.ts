// The one PrismaClient of the process. Kept on globalThis because server.ts (run by tsx) and the
// Next.js bundles load this module separately; both must share the same pool.
import { isMainThread } from "node:worker_threads";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { __prisma?: PrismaClient };

function createClient(): PrismaClient {
  // The webhook worker thread has its own pool, sized on its own (docs/decisions.md, "Connections per process").
  const max = isMainThread ? env().DATABASE_POOL_MAX : env().WEBHOOK_WORKER_POOL_MAX;
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  holder.__prisma ??= createClient();
  return holder.__prisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.__prisma?.$disconnect();
  holder.__prisma = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
