// One app process of a cluster: the compiled server on its own port with the cluster's settings, its
// output passed on line by line under its name. Started by node itself, as `npm start` starts it,
// so a signal (or kill -9) to the child reaches the app itself.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { StartupError } from "@/lib/server/startup-error";

export interface AppProcess {
  name: string;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then wait for it to finish (start-server.ts stops cleanly). */
  stop(): Promise<void>;
}

/**
 * What `npm start` runs: server.ts compiled into dist/ by `npm run build` (scripts/build-server.ts),
 * as the script node is given.
 */
export function compiledServerScript(): string {
  const script = path.resolve("dist/server.mjs");
  if (!existsSync(script)) throw new StartupError("The server is not built yet: run `npm run build` first.");
  return script;
}

export function startAppProcess(options: {
  name: string;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Options for its node that NODE_OPTIONS refuses (a benchmark's --cpu-prof). */
  nodeArguments?: string[];
  /** Each line it prints; none by default. */
  onLine?: (line: string) => void;
}): AppProcess {
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), compiledServerScript()], {
    env: { ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let partial = "";
  const take = (chunk: Buffer) => {
    output += chunk;
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) options.onLine?.(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name: options.name,
    port: options.port,
    child,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Resolves once /api/ready answers 200 (database reachable, realtime adapter listening, taking
 * work); fails with the process's output if it exits first or takes too long.
 */
export async function waitUntilReady(app: AppProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void app.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new StartupError(`${app.name} stopped (${exitCode}) before it was ready:\n${app.output()}`);
    if (await fetch(`http://127.0.0.1:${app.port}/api/ready`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new StartupError(`${app.name} was not ready within ${timeoutMs / 1000} s:\n${app.output()}`);
}
