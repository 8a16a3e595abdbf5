// The real app as `npm start` runs it (`node dist/server.mjs`, default mode: embedded PostgreSQL and the demo
// emulator), in a process of its own on a data directory and ports of its own, for tests that kill
// it and start it again.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { compiledServerScript } from "../../../lib/cluster/app-process";

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A fresh data directory; PostgreSQL runs as its own user under root, so others may enter it. */
export function temporaryDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chat-data-"));
  chmodSync(dir, 0o755);
  return dir;
}

export interface AppPorts {
  app: number;
  emulator: number;
  database: number;
}

export interface AppProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `node dist/server.mjs` with nothing configured but where its data and ports are (the default mode),
 * plus `settings` (e.g. a real-mode configuration).
 */
export function startApp(dataDir: string, ports: AppPorts, settings: Record<string, string> = {}): AppProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|DEMO_MODE|META_|NEXTAUTH_|TOKEN_ENCRYPTION_KEY|APP_URL|PORT|NODE_ENV|UPLOADS_DIR)/.test(name)),
  );
  const env: Record<string, string | undefined> = {
    ...inherited,
    // Empty counts as unset, and keeps a developer's .env from configuring these.
    DATABASE_URL: "",
    META_APP_ID: "",
    DEMO_MODE: "",
    DATA_DIR: dataDir,
    PORT: String(ports.app),
    APP_URL: `http://localhost:${ports.app}`,
    META_EMULATOR_PORT: String(ports.emulator),
    EMBEDDED_DATABASE_PORT: String(ports.database),
    ...settings,
  };
  // No NODE_ENV: server.ts settles it, as under `npm start`. Detached: in a process group of its
  // own, as a terminal runs a command, so pressCtrlC reaches exactly what Ctrl-C would.
  const child = spawn(process.execPath, [compiledServerScript()], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** What a terminal does on Ctrl-C: SIGINT to every process of the command's process group. */
export function pressCtrlC(app: AppProcess): void {
  process.kill(-(app.child.pid as number), "SIGINT");
}

/** Kills every process of the app's group; a group already gone (its exit not yet reported) is fine. */
export function killAppGroup(app: AppProcess): void {
  if (app.child.exitCode !== null) return;
  try {
    process.kill(-(app.child.pid as number), "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Resolves once /api/health answers 200; fails with the app's output if it exits or takes too long. */
export async function waitUntilHealthy(app: AppProcess, port: number, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void app.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The app exited (${exitCode}) before it was healthy:\n${app.output()}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app was not healthy within ${timeoutMs / 1000} s:\n${app.output()}`);
}

/** The process that owns the embedded cluster (the Node process running server.ts, under tsx's launcher). */
export function clusterOwnerPid(dataDir: string): number {
  return (JSON.parse(readFileSync(path.join(dataDir, "postgres.owner"), "utf8")) as { pid: number }).pid;
}

/** The embedded PostgreSQL's postmaster, if one holds the cluster. */
export function postmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  return existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // An exited child nobody has reaped yet is no longer running.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}

/** A connection to the app's embedded database, as the app itself connects (its generated password). */
export async function connectToEmbeddedDatabase(dataDir: string, port: number): Promise<pg.Client> {
  const { EMBEDDED_DATABASE_PASSWORD: password } = JSON.parse(readFileSync(path.join(dataDir, "local-secrets.json"), "utf8"));
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "chat" });
  await client.connect();
  return client;
}
