// Whether a process id still names the process it named before, for lock files that outlive their
// writer (a SIGKILL, an OOM kill, a power loss) and ids that the system hands out again.
import { readFileSync } from "node:fs";

/**
 * The process's start time in clock ticks since boot (Linux /proc), which tells a reused id apart
 * from the process that wrote it; undefined where /proc is missing (macOS): liveness alone decides.
 */
export function processStartTime(pid: number): string | undefined {
  const stat = readProcStat(pid);
  // Fields after the command name (which may contain spaces): state is the 3rd field, starttime the 22nd.
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function readProcStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
}

/** True while `pid` runs (a zombie does not: it has exited and only waits to be reaped). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the embedded PostgreSQL runs as `postgres` under root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = readProcStat(pid);
  return stat === undefined || stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}
