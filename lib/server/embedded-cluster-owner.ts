// Which app process owns the embedded PostgreSQL cluster: `postgres.owner` beside the cluster holds
// the owner's process id. The server outlives an app that is killed (SIGKILL, OOM), so the next start
// must tell a leftover server (owner gone: stop it and carry on) from a copy of the app that is still
// running (owner alive: never touch its cluster).
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isProcessRunning, processStartTime } from "@/lib/server/process-liveness";
import { StartupError } from "@/lib/server/startup-error";

const ownerSchema = z.object({ pid: z.number().int().positive(), startTime: z.string().optional() });
type Owner = z.infer<typeof ownerSchema>;

const ownerFile = (dataDir: string) => path.join(dataDir, "postgres.owner");

function readOwner(file: string): Owner | undefined {
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Missing, or half-written by a process killed mid-write: nobody provably owns the cluster.
    return undefined;
  }
}

function isAlive(owner: Owner): boolean {
  if (!isProcessRunning(owner.pid)) return false;
  // After a reboot or a long time the id may belong to another program; the start time tells.
  return owner.startTime === undefined || processStartTime(owner.pid) === owner.startTime;
}

/**
 * Makes this process the cluster's owner, or fails with a sentence when another running copy of the
 * app owns it. Created exclusively, so of two starts at the same moment only one wins.
 */
export function claimEmbeddedCluster(dataDir: string): void {
  const file = ownerFile(dataDir);
  const record = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) });
  // Another start may claim the file between our look and our write: a few tries settle who owns it.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, record, { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (owner?.pid === process.pid) return;
    if (owner && isAlive(owner))
      throw new StartupError(
        `The embedded PostgreSQL in ${path.join(dataDir, "postgres")} is in use by another copy of the app that is still running (process ${owner.pid}): stop that one first (Ctrl-C in its terminal, or kill ${owner.pid}), or give this one its own DATA_DIR.`,
      );
    removeIfPresent(file);
  }
  throw new StartupError(
    `Another start of the app is claiming the embedded PostgreSQL in ${path.join(dataDir, "postgres")} at the same moment: start only one copy per DATA_DIR.`,
  );
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Gives the cluster up after it stopped; a file that names another process is left alone. */
export function releaseEmbeddedCluster(dataDir: string): void {
  const file = ownerFile(dataDir);
  if (readOwner(file)?.pid === process.pid) removeIfPresent(file);
}
