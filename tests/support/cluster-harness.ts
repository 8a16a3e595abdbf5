// The multi-process tests' world: real app processes (the production build) behind a real nginx,
// started by the same code as `npm run cluster`, on the test file's own database. Ports come from
// CLUSTER_TEST_PORT (nginx) and CLUSTER_TEST_FIRST_APP_PORT (the first process; the rest follow).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { startCluster, type Cluster } from "../../lib/cluster/start-cluster";

export const NGINX_PORT = Number(process.env.CLUSTER_TEST_PORT ?? 8260);
export const FIRST_APP_PORT = Number(process.env.CLUSTER_TEST_FIRST_APP_PORT ?? 3260);
/** What every process believes is its public origin: nginx's. Set before anything reads env(). */
export const ORIGIN = `http://localhost:${NGINX_PORT}`;
process.env.APP_URL = ORIGIN;

export interface TestCluster extends Cluster {
  /** A process's own address, bypassing nginx. */
  appUrl(index: number): string;
}

/**
 * Starts `processes` app processes and nginx with the test process's settings (its database, its
 * secrets, its emulator's Graph URL) and uploads in the database. Call after the fixtures exist:
 * a process that finds nobody with an account would print a setup link.
 */
export async function startTestCluster(processes = 3): Promise<TestCluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chat-cluster-"));
  const cluster = await startCluster({
    processes,
    port: NGINX_PORT,
    firstAppPort: FIRST_APP_PORT,
    nginxDir: path.join(dataDir, "nginx"),
    env: { ...process.env, DATA_DIR: dataDir, DEMO_MODE: "false", NODE_ENV: "production", LOG_LEVEL: process.env.LOG_LEVEL ?? "error", UPLOAD_STORAGE: "database" },
    onLine: process.env.CLUSTER_TEST_VERBOSE ? (name, line) => console.log(`[${name}] ${line}`) : undefined,
  });
  return {
    ...cluster,
    appUrl: (index) => `http://127.0.0.1:${FIRST_APP_PORT + index}`,
    stop: async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `chat_route` cookie nginx gives a new client (a browser gets it with its first page). */
export async function routeCookie(): Promise<string> {
  const response = await fetch(`${ORIGIN}/api/health`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("chat_route="));
  if (!cookie) throw new Error("nginx set no chat_route cookie");
  return cookie.split(";")[0] as string;
}

/** A signed-in page's socket at `url` (a process, or nginx), with the transports a browser may use. */
export function openClusterSocket(url: string, cookie: string, transports: ("websocket" | "polling")[] = ["websocket"]): Socket {
  return connect(url, { transports, extraHeaders: { cookie, origin: ORIGIN }, reconnection: false });
}

/** Collects every event a socket receives, and resolves when one matching `predicate` has arrived. */
export function recorder(socket: Socket) {
  const events: { name: string; payload: unknown }[] = [];
  const waiters: { predicate: (name: string, payload: unknown) => boolean; resolve: () => void }[] = [];
  socket.onAny((name: string, payload: unknown) => {
    events.push({ name, payload });
    for (const waiter of waiters.splice(0)) {
      if (waiter.predicate(name, payload)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  return {
    events,
    until(predicate: (name: string, payload: unknown) => boolean): Promise<void> {
      if (events.some((event) => predicate(event.name, event.payload))) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}
