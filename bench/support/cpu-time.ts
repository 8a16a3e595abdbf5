// CPU time spent by the app's process and by the PostgreSQL backends of the benchmark's database,
// from Linux's /proc. On a machine shared with other work, latency grows with everyone's load while
// CPU time per message moves much less, so it is what compares two commits best there.
import { readFileSync } from "node:fs";
import type { PrismaClient } from "../../lib/generated/prisma/client";

/** clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU time in ms of a process (all its threads), or of one thread with `thread` (the
 * main thread's id is the process id); null once it has gone.
 */
function processCpuMs(pid: number, thread?: number): number | null {
  try {
    // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  /** Every app process together (one, or each of a cluster's). */
  app: number;
  /** The app processes' main threads: HTTP (webhook acknowledgements), Socket.io and its adapter. */
  appMainThread: number;
  /** Per backend pid: backends come and go with the pools, so each is compared with itself. */
  database: Map<number, number>;
}

async function databaseBackends(db: PrismaClient): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return rows.map((row) => row.pid);
}

export async function cpuSnapshot(appPids: number[], db: PrismaClient): Promise<CpuSnapshot> {
  const database = new Map<number, number>();
  for (const pid of await databaseBackends(db)) {
    const ms = processCpuMs(pid);
    if (ms !== null) database.set(pid, ms);
  }
  const total = (cpuOf: (pid: number) => number | null) => appPids.reduce((sum, pid) => sum + (cpuOf(pid) ?? NaN), 0);
  return { app: total((pid) => processCpuMs(pid)), appMainThread: total((pid) => processCpuMs(pid, pid)), database };
}

/**
 * CPU ms per message between two snapshots: the app's, and its database's (backends that closed in
 * between are missed, those opened in between counted whole; the pools keep theirs, so both are few).
 */
export function cpuPerMessage(before: CpuSnapshot, after: CpuSnapshot, messages: number): { appMs: number; appMainThreadMs: number; databaseMs: number } {
  let database = 0;
  for (const [pid, ms] of after.database) database += ms - (before.database.get(pid) ?? 0);
  const round = (value: number) => Math.round((value / messages) * 100) / 100;
  return { appMs: round(after.app - before.app), appMainThreadMs: round(after.appMainThread - before.appMainThread), databaseMs: round(database) };
}
