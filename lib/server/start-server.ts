// Starts the whole product in one process: database, Next.js, Socket.io, background workers and, in
// demo mode, the Meta and Zalo emulators. Stops all of it cleanly on Ctrl-C / SIGTERM, and stops what had
// started when the start itself fails, so a failed start leaves no database running behind it.
import { createServer, type Server } from "node:http";
import type { Server as SocketServer } from "socket.io";
import next from "next";
import { prepareRuntime } from "@/lib/server/prepare-runtime";
import { env } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db";
import { createRealtimeServer } from "@/lib/realtime/realtime-server";
import { openRealtimeAdapter, type RealtimeAdapter } from "@/lib/realtime/realtime-adapter";
import { setRealtimeServer } from "@/lib/realtime/io";
import { describeDemoSignIn, seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import { issueSetupToken, setupLink } from "@/lib/setup/setup-token";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import type { ZaloEmulator } from "@/emulators/zalo/start-zalo-emulator";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { registerWorkers } from "@/lib/jobs/register-workers";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/webhooks/start-webhook-worker";
import { serveWebhooks } from "@/lib/webhooks/serve-webhooks";
import { readRoutesBeforeNext } from "@/lib/http/serve-before-next";
import { inboxReadRoutes } from "@/lib/inbox/inbox-read-routes";
import { guardHttpRequest } from "@/lib/server/guard-http-request";
import { restoreNativeDate } from "@/lib/server/native-date";
import { StartupError } from "@/lib/server/startup-error";
import { shutDown } from "@/lib/server/shut-down";
import { setServerPhase } from "@/lib/server/server-phase";
import { inFlightRequests, type InFlightRequests } from "@/lib/server/in-flight-requests";
import type { Runtime } from "@/lib/server/prepare-runtime";
import { stampClientAddress, trustedProxyList } from "@/lib/http/client-address";

const log = (line: string) => console.log(line);

/** What has started so far; stopping takes whatever is there. */
interface Started {
  runtime: Runtime;
  emulator?: MetaEmulator;
  zaloEmulator?: ZaloEmulator;
  app?: ReturnType<typeof next>;
  httpServer?: Server;
  requests?: InFlightRequests;
  io?: SocketServer;
  adapter?: RealtimeAdapter;
}

function portTaken(what: string, port: number, variable: string): StartupError {
  return new StartupError(`Port ${port} (${what}) is taken by another program: stop it, or set ${variable} to a free port.`);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? portTaken("the app", port, "PORT") : error),
    );
    server.listen(port, resolve);
  });
}

/** In the order of shut-down.ts; also after a failed start, with whatever had started. */
function stopAll(started: Started): Promise<void> {
  return shutDown({
    httpServer: started.httpServer,
    requests: started.requests,
    finishWork: async () => {
      await Promise.all([stopJobQueue(), stopWebhookWorker()]);
    },
    io: started.io,
    closeRest: async () => {
      setRealtimeServer(undefined);
      await started.adapter?.close();
      await started.emulator?.close();
      await started.zaloEmulator?.close();
      await started.app?.close?.();
      await disconnectDb();
      await started.runtime.embeddedDatabase?.stop();
    },
  });
}

export async function startServer({ dev }: { dev: boolean }): Promise<void> {
  const started: Started = { runtime: await prepareRuntime(log) };
  try {
    await serve(dev, started);
  } catch (error) {
    await stopAll(started).catch(() => {});
    throw error;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down…`);
    await stopAll(started);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

async function serve(dev: boolean, started: Started): Promise<void> {
  const config = env();

  if ((await db().user.count()) === 0 && started.runtime.demoMode) {
    await seedDemoWorkspace();
    log(describeDemoSignIn());
  }

  if (started.runtime.demoMode && config.RUN_EMULATORS) {
    // Loaded only in demo mode: a production start never loads the emulator's code.
    const [{ startMetaEmulator }, { startZaloEmulator }, { emulatorWorldStore }] = await Promise.all([
      import("@/emulators/meta/start-meta-emulator"),
      import("@/emulators/zalo/start-zalo-emulator"),
      import("@/lib/demo/emulator-world-store"),
    ]);
    started.emulator = await startMetaEmulator({
      port: config.META_EMULATOR_PORT,
      // prepare-runtime.ts gives demo mode its emulated Facebook app.
      appId: config.META_APP_ID ?? "",
      appSecret: config.META_APP_SECRET ?? "",
      graphVersion: config.META_GRAPH_VERSION,
      webhookUrl: `http://127.0.0.1:${config.PORT}/api/webhooks/facebook`,
      deauthorizeUrl: `http://127.0.0.1:${config.PORT}/api/webhooks/facebook/deauthorize`,
      // Its world lives in the app's database: a restart finds the pages the app says are connected.
      store: emulatorWorldStore(),
    }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? portTaken("the demo's Meta emulator", config.META_EMULATOR_PORT, "META_EMULATOR_PORT") : error;
    });
    started.zaloEmulator = await startZaloEmulator({
      port: config.ZALO_EMULATOR_PORT,
      // prepare-runtime.ts gives demo mode its emulated Zalo app; the browser opens the permission
      // page on the host it reaches the app on, as ZALO_OAUTH_URL says.
      appId: config.ZALO_APP_ID ?? "",
      appSecret: config.ZALO_APP_SECRET ?? "",
      oaSecretKey: config.ZALO_OA_SECRET_KEY ?? "",
      publicUrl: config.ZALO_OAUTH_URL,
      webhookUrl: `http://127.0.0.1:${config.PORT}/api/webhooks/zalo`,
      store: emulatorWorldStore("zalo"),
    }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? portTaken("the demo's Zalo emulator", config.ZALO_EMULATOR_PORT, "ZALO_EMULATOR_PORT") : error;
    });
  }

  const app = next({ dev, dir: process.cwd() });
  started.app = app;
  await app.prepare();
  restoreNativeDate();
  const handle = app.getRequestHandler();

  const appOrigin = new URL(config.APP_URL).origin;
  const trustedProxies = trustedProxyList(config.TRUSTED_PROXIES);
  const requests = inFlightRequests();
  const serveInboxReads = readRoutesBeforeNext(inboxReadRoutes);
  started.requests = requests;
  const httpServer = createServer((request, response) => {
    requests.track(request, response);
    // Sign-in throttling counts per client address; only the socket (or a trusted proxy) can say it.
    stampClientAddress(request, trustedProxies);
    if (guardHttpRequest(request, response, appOrigin)) return;
    // Every platform's webhook POSTs and the inbox's hottest reads are answered before Next.js
    // (serve-webhooks.ts and serve-before-next.ts say why).
    if (serveWebhooks(request, response) || serveInboxReads(request, response)) return;
    void handle(request, response);
  });
  started.adapter = await openRealtimeAdapter({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, poolMax: config.REALTIME_POOL_MAX });
  started.httpServer = httpServer;
  const realtime = createRealtimeServer(httpServer, appOrigin, started.adapter);
  started.io = realtime.io;
  setRealtimeServer(realtime);

  await registerWorkers(await startJobQueue());
  // Webhooks stored but not processed before the last stop (or crash) are picked up at once.
  startWebhookWorker();

  // Outside demo mode an empty database has nobody who could sign in: whoever reads this output
  // (the person who started the server) sets the shop up through the printed link. Issued before
  // listening, so the very first page already leads to the setup screen.
  const setupToken = started.runtime.demoMode ? null : await issueSetupToken();

  // Sockets come once the other processes send this one their packets (realtime-adapter.ts).
  await started.adapter.visibleToOthers();
  await listen(httpServer, config.PORT);
  setServerPhase("accepting");
  log(`Chat đa kênh is ready on ${config.APP_URL} (${dev ? "development" : "production"}).`);
  if (started.emulator) log(`Meta emulator (demo Facebook): ${config.META_DIALOG_URL}/_emulator`);
  if (started.zaloEmulator) log(`Zalo emulator (demo Zalo OA): ${started.zaloEmulator.url}/_emulator`);
  if (setupToken) {
    log(`Nobody has an account yet. Open this link to set up the shop (it works once; or run npm run admin:create):\n  ${setupLink(setupToken)}`);
  }
}
