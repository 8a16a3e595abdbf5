// Several app processes on consecutive ports with nginx in front (deploy/nginx.conf): what
// `npm run cluster` runs and what the multi-process tests start. The caller has prepared the one
// shared database; every process gets the same settings, except that only the first runs the demo
// emulators (RUN_EMULATORS), so a customer's webhook and the Graph API exist once.
import path from "node:path";
import { startAppProcess, waitUntilReady, type AppProcess } from "@/lib/cluster/app-process";
import { startNginx, type RunningNginx } from "@/lib/cluster/nginx";

export interface ClusterOptions {
  processes: number;
  /** nginx's port: the origin users and platforms reach. */
  port: number;
  /** The first app process's port; the others follow. */
  firstAppPort: number;
  /** Where nginx keeps its files (a folder of its own under DATA_DIR). */
  nginxDir: string;
  /** The settings every process starts with (DATABASE_URL and the rest). */
  env: NodeJS.ProcessEnv;
  /** Options for each process's node that NODE_OPTIONS refuses (a benchmark's --cpu-prof). */
  nodeArguments?: string[];
  onLine?: (processName: string, line: string) => void;
}

export interface Cluster {
  url: string;
  apps: AppProcess[];
  nginx: RunningNginx;
  /** Stops nginx, then every app process (each finishes its work: start-server.ts). */
  stop(): Promise<void>;
}

/**
 * The settings that make a process one of several behind nginx, unless the operator chose otherwise:
 * nginx's origin is the app's public URL, nginx's X-Forwarded-For is believed, and uploads are kept
 * where every process finds them. Several processes share one machine's memory, so each keeps
 * glibc to two malloc arenas: by default every thread that allocates (main, webhook worker, module
 * loader, libuv's pool) may get its own 64 MB arena, and their free fragments add 13–25 MB of
 * resident memory per process for no measurable gain (docs/benchmarks.md, "Memory of an idle process").
 */
export function clusterProcessEnv(base: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv {
  return {
    ...base,
    APP_URL: base.APP_URL || `http://localhost:${port}`,
    TRUSTED_PROXIES: base.TRUSTED_PROXIES || "127.0.0.1,::1",
    UPLOAD_STORAGE: base.UPLOAD_STORAGE || "database",
    MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX || "2",
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const env = clusterProcessEnv(options.env, options.port);
  const apps = Array.from({ length: options.processes }, (_, index) => {
    const name = `app ${index + 1}`;
    return startAppProcess({
      name,
      port: options.firstAppPort + index,
      env: { ...env, RUN_EMULATORS: index === 0 ? env.RUN_EMULATORS : "false" },
      nodeArguments: options.nodeArguments,
      onLine: (line) => options.onLine?.(name, line),
    });
  });
  const stopApps = () => Promise.all(apps.map((app) => app.stop()));
  let nginx: RunningNginx;
  try {
    await Promise.all(apps.map((app) => waitUntilReady(app)));
    nginx = await startNginx({
      runtimeDir: path.resolve(options.nginxDir),
      port: options.port,
      upstreams: apps.map((app) => `127.0.0.1:${app.port}`),
    });
  } catch (error) {
    await stopApps();
    throw error;
  }
  return {
    url: String(env.APP_URL),
    apps,
    nginx,
    stop: async () => {
      await nginx.stop();
      await stopApps();
    },
  };
}
