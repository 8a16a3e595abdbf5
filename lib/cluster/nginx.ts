// Runs deploy/nginx.conf for `npm run cluster` and the multi-process tests: the template filled with
// this machine's ports, in a private folder (config, pid, logs, temporary bodies), as the current
// user and in the foreground, so stopping the command stops nginx too.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { StartupError } from "@/lib/server/startup-error";

export interface NginxSettings {
  /** Where nginx keeps its config, pid, logs and temporary files. */
  runtimeDir: string;
  /** The port clients reach (on 127.0.0.1 and every other address of the machine). */
  port: number;
  /** The app processes, `host:port` each. */
  upstreams: readonly string[];
}

export function renderNginxConfig(template: string, settings: NginxSettings): string {
  const runAsRoot = process.getuid?.() === 0;
  const values: Record<string, string> = {
    RUNTIME_DIR: settings.runtimeDir,
    USER_LINE: runAsRoot ? `user ${userInfo().username};` : "",
    LISTEN: String(settings.port),
    UPSTREAMS: settings.upstreams.map((address) => `server ${address} max_fails=2 fail_timeout=10s;`).join("\n    "),
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf has an unknown placeholder ${placeholder}`);
    return value;
  });
}

/** nginx from PATH, else where Debian puts it (/usr/sbin is not on an ordinary user's PATH). */
function nginxBinary(): string {
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin"].map((dir) => path.join(dir, "nginx"));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next folder.
    }
  }
  throw new StartupError("nginx is not installed: install it (Debian: apt-get install nginx) and start again.");
}

export interface RunningNginx {
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startNginx(settings: NginxSettings): Promise<RunningNginx> {
  mkdirSync(settings.runtimeDir, { recursive: true });
  const configFile = path.join(settings.runtimeDir, "nginx.conf");
  const template = readFileSync(path.resolve("deploy/nginx.conf"), "utf8");
  writeFileSync(configFile, renderNginxConfig(template, settings));
  const errorLog = path.join(settings.runtimeDir, "error.log");
  // -e: nginx opens its error log before reading the config; the default one is not ours to write.
  const child = spawn(nginxBinary(), ["-p", settings.runtimeDir, "-c", configFile, "-e", errorLog], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitForPort(settings.port, exited, () => output || readFileSync(errorLog, "utf8"));
  return {
    child,
    stop: async () => {
      // SIGQUIT: finish the requests in flight, then exit.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
}

async function waitForPort(port: number, exited: Promise<number | null>, describe: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exitCode !== undefined) throw new StartupError(`nginx stopped at start (${exitCode}): ${describe().trim()}`);
    // Any answer (nginx's own 502 while no app is up yet) means nginx listens.
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(`nginx did not listen on port ${port} within 10 s: ${describe().trim()}`);
}
