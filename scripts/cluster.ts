// `npm run cluster -- --processes 3 [--port 3000] [--first-app-port 3001]`: several app processes
// behind nginx on one machine, sharing one database (the embedded one when DATABASE_URL is unset,
// started here once), one demo seed and one set of demo emulators. Ctrl-C stops all of it.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareRuntime } from "@/lib/server/prepare-runtime";
import { db, disconnectDb } from "@/lib/db";
import { storageSettings } from "@/lib/env";
import { describeDemoSignIn, seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import { startCluster } from "@/lib/cluster/start-cluster";
import { describeStartupFailure } from "@/lib/server/startup-error";

const port = z.coerce.number().int().min(1).max(65535);
const argumentsSchema = z
  .object({ processes: z.coerce.number().int().min(1).max(32).default(3), port: port.default(3000), "first-app-port": port.optional() })
  .transform(({ processes, port, "first-app-port": firstAppPort }) => ({ processes, port, firstAppPort: firstAppPort ?? port + 1 }));

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { processes: { type: "string" }, port: { type: "string" }, "first-app-port": { type: "string" } } });
  const options = argumentsSchema.parse(values);

  // The whole cluster is one production app at nginx's address; prepareRuntime fills the rest from
  // it. .env is read first, so an APP_URL there (a public https origin) wins over the local default.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const settings = process.env;
  (settings as Record<string, string>).NODE_ENV ??= "production";
  settings.APP_URL ||= `http://localhost:${options.port}`;
  settings.PORT = String(options.port);
  const runtime = await prepareRuntime(log);
  try {
    // Seeded here, once, before any process starts: processes starting together would each see an
    // empty database and seed it.
    if (runtime.demoMode && (await db().user.count()) === 0) {
      await seedDemoWorkspace();
      log(describeDemoSignIn());
    }
    await disconnectDb();

    const cluster = await startCluster({
      ...options,
      nginxDir: path.join(path.resolve(storageSettings().DATA_DIR), "nginx"),
      env: settings,
      onLine: (name, line) => log(`[${name}] ${line}`),
    });
    let stopping = false;
    for (const app of cluster.apps) {
      void app.exited.then((code) => {
        if (!stopping) log(`${app.name} (port ${app.port}) stopped (${code ?? "signal"}); nginx sends its clients to the others.`);
      });
    }
    log(`${options.processes} processes on ports ${options.firstAppPort}-${options.firstAppPort + options.processes - 1}, nginx on ${cluster.url}.`);

    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal} received, stopping nginx and every process…`);
      await cluster.stop();
      await runtime.embeddedDatabase?.stop();
      process.exit(0);
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
  } catch (error) {
    await runtime.embeddedDatabase?.stop();
    throw error;
  }
}

try {
  await main();
} catch (failure) {
  console.error(failure instanceof z.ZodError ? `Invalid arguments: ${z.prettifyError(failure)}` : describeStartupFailure(failure));
  process.exit(1);
}
