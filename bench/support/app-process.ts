// The app as the benchmarks run it: the real server.ts on a production build, in its own process,
// so its CPU is measured apart from the load generator's.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { compiledServerScript } from "../../lib/cluster/app-process";

/** One production build shared by the benchmarks, kept apart from `npm start`'s `.next`. */
export const BENCH_DIST_DIR = ".next-bench";

/**
 * Builds Next.js into BENCH_DIST_DIR when it holds no build yet, or always with `--build`; compiles
 * the server (dist/, a fraction of a second) every time, so a benchmark never runs stale server code.
 */
export function ensureProductionBuild(): void {
  // The builds' output goes to stderr: stdout carries only the report.
  const server = spawnSync("npx", ["tsx", "scripts/build-server.ts"], { stdio: ["ignore", 2, 2] });
  if (server.status !== 0) throw new Error("the server's build failed");
  if (!process.argv.includes("--build") && existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) return;
  console.error(`Building the production bundle into ${BENCH_DIST_DIR}…`);
  const build = spawnSync("npx", ["next", "build"], { env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR }, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error("next build failed");
}

/** BENCH_PORTS="first-last": where a machine's ports are shared out, take them from that range. */
const portRange = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
let nextInRange = portRange ? Number(portRange[1]) : 0;

/** A port nothing listens on: any (the system's choice), or the next free one of BENCH_PORTS, in turn. */
export async function freePort(): Promise<number> {
  if (!portRange) return listenAndClose(0);
  const [first, last] = [Number(portRange[1]), Number(portRange[2])];
  for (let tried = 0; tried <= last - first; tried++) {
    const port = nextInRange;
    // In turn, so two calls before either port is taken do not answer the same one.
    nextInRange = port >= last ? first : port + 1;
    if (await listenAndClose(port).catch(() => null)) return port;
  }
  throw new Error(`No free port in BENCH_PORTS ${process.env.BENCH_PORTS}`);
}

async function listenAndClose(wanted: number): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a process and resolves once a line of its output matches `ready`. */
export async function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited early (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => ready.test(line) && resolve());
  });
  child.once("exit", (code, signal) => console.error(`${name} exited (${code ?? signal})`));
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * The compiled server on the benchmark build, with the environment the benchmark set up (database, Meta app)
 * plus `env`; outside demo mode, so it starts no emulator or seed of its own. `nodeOptions` go to
 * the app's node (e.g. `--cpu-prof --cpu-prof-dir=<dir>` to profile it under the benchmark's load).
 */
export function startApp(port: number, env: Record<string, string> = {}, nodeOptions: string[] = []): Promise<ChildProcess> {
  return startProcess(
    "server.ts",
    [...nodeOptions, compiledServerScript()],
    {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DEMO_MODE: "false",
      ...env,
    },
    /is ready on/,
  );
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
