// Stops an embedded PostgreSQL that an app killed without a clean stop left running on its own.
// Called only once this process owns the cluster (embedded-cluster-owner.ts), so the server it finds
// serves nobody.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isProcessRunning } from "@/lib/server/process-liveness";
import { StartupError } from "@/lib/server/startup-error";

const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/** The postmaster's id from its lock file (first line), if a live postmaster holds the cluster. */
function runningPostmaster(databaseDir: string): number | undefined {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  // A stale file (the server died too) is PostgreSQL's own business: it replaces it when it starts.
  return Number.isInteger(pid) && pid > 0 && isProcessRunning(pid) && isPostgres(pid) ? pid : undefined;
}

/** Guards against an id reused by another program since the lock file was written (Linux /proc). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true;
  }
}

/**
 * Asks the leftover server for a fast shutdown (SIGINT: sessions end, a checkpoint is written, so
 * the data stays intact and the next start needs no crash recovery) and waits until it is gone.
 */
export async function stopLeftoverPostmaster(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pid = runningPostmaster(databaseDir);
  if (pid === undefined) return;
  log(`The embedded PostgreSQL of an earlier run is still running (process ${pid}) after the app stopped without shutting it down; stopping it before starting again…`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (runningPostmaster(databaseDir) === pid) {
    if (Date.now() > deadline)
      throw new StartupError(
        `The embedded PostgreSQL left running by an earlier run (process ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s: stop it with \`kill ${pid}\` and start the app again.`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
