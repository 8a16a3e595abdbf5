// Stops an embedded PostgreSQL that an app killed without a clean stop left running on its own.
// Called only once this process owns the cluster (embedded-cluster-owner.ts), so the server it finds
// serves nobody.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { isProcessRunning } from "@/lib/server/process-liveness";
import { StartupError } from "@/lib/server/startup-error";

const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/** The postmaster's id: the first line of its lock file. */
function lockFilePid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Whether `pid` is a postmaster started on this very directory, and not a process that got the id
 * after the server died (after a power loss, say), possibly another PostgreSQL (Linux /proc; elsewhere
 * the lock file is believed).
 */
function servesCluster(pid: number, databaseDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(databaseDir);
  } catch {
    return true;
  }
}

/**
 * Asks the leftover server for a fast shutdown (SIGINT: sessions end, a checkpoint is written, so
 * the data stays intact and the next start needs no crash recovery) and waits until it is gone.
 */
export async function stopLeftoverPostmaster(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const pid = lockFilePid(pidFile);
  // No server, or a dead one: PostgreSQL replaces its stale lock file itself when it starts.
  if (pid === undefined || !isProcessRunning(pid)) return;
  if (!servesCluster(pid, databaseDir)) {
    // PostgreSQL would take the live process for a postmaster and refuse to start.
    rmSync(pidFile, { force: true });
    return;
  }
  log(`The embedded PostgreSQL of an earlier run is still running (process ${pid}) after the app stopped without shutting it down; stopping it before starting again…`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isProcessRunning(pid) && existsSync(pidFile)) {
    if (Date.now() > deadline)
      throw new StartupError(
        `The embedded PostgreSQL left running by an earlier run (process ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s: stop it with \`kill ${pid}\` and start the app again.`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
