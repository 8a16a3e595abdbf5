// pgbench as a benchmark's reference: what PostgreSQL on this machine commits per second when each
// transaction is one statement, measured in the same run as what is compared with it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function pgbenchPath(): string {
  for (const candidate of ["pgbench", ...["18", "17", "16", "15", "14"].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`)]) {
    if (spawnSync(candidate, ["--version"]).status === 0) return candidate;
  }
  throw new Error("pgbench not found (Debian: postgresql-client or the server package)");
}

/** Transactions per second of `sql` run by `clients` connections for `seconds`. */
export function pgbenchRate(databaseUrl: string, sql: string, options: { clients: number; seconds: number }): number {
  const dir = mkdtempSync(path.join(tmpdir(), "pgbench-"));
  try {
    const script = path.join(dir, "script.sql");
    writeFileSync(script, `${sql}\n`);
    const args = ["-n", "-c", String(options.clients), "-j", "2", "-T", String(options.seconds), "-f", script, databaseUrl];
    const run = spawnSync(pgbenchPath(), args, { encoding: "utf8" });
    const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
    if (!tps) throw new Error(`pgbench failed: ${run.stderr}`);
    return Math.round(Number(tps));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
