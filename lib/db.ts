// The one PrismaClient of the process. Kept on globalThis because server.ts (run by tsx) and the
// Next.js bundles load this module separately; both must share the same pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { __prisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 20 });
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
