// Starts the whole product in one process: database, Next.js, Socket.io, background workers and, in
// demo mode, the Meta emulator. Stops all of it cleanly on Ctrl-C / SIGTERM.
import { createServer } from "node:http";
import next from "next";
import { Server as SocketServer } from "socket.io";
import { prepareRuntime } from "@/lib/server/prepare-runtime";
import { env } from "@/lib/env";
import { db, disconnectDb } from "@/lib/db";
import { installSocketAuth } from "@/lib/realtime/socket-auth";
import { setRealtimeServer } from "@/lib/realtime/io";
import { describeDemoSignIn, seedDemoWorkspace } from "@/lib/demo/seed-demo-workspace";
import { startMetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { registerWorkers } from "@/lib/jobs/register-workers";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/webhooks/start-webhook-worker";
import { serveMessengerWebhook } from "@/lib/channels/facebook/webhook-http";
import { stampClientAddress, trustedProxyList } from "@/lib/http/client-address";

const log = (line: string) => console.log(line);

export async function startServer({ dev }: { dev: boolean }): Promise<void> {
  const runtime = await prepareRuntime(log);
  const config = env();

  if ((await db().user.count()) === 0 && runtime.demoMode) {
    await seedDemoWorkspace();
    log(describeDemoSignIn());
  }

  const emulator = runtime.demoMode
    ? await startMetaEmulator({
        port: config.META_EMULATOR_PORT,
        appId: config.META_APP_ID,
        appSecret: config.META_APP_SECRET,
        graphVersion: config.META_GRAPH_VERSION,
        webhookUrl: `http://127.0.0.1:${config.PORT}/api/webhooks/facebook`,
        deauthorizeUrl: `http://127.0.0.1:${config.PORT}/api/webhooks/facebook/deauthorize`,
      })
    : undefined;

  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();

  const trustedProxies = trustedProxyList(config.TRUSTED_PROXIES);
  const httpServer = createServer((request, response) => {
    // Sign-in throttling counts per client address; only the socket (or a trusted proxy) can say it.
    stampClientAddress(request, trustedProxies);
    // Messenger webhook POSTs are answered before Next.js (see webhook-http.ts for why).
    if (!serveMessengerWebhook(request, response)) void handle(request, response);
  });
  const io = new SocketServer(httpServer, { serveClient: false });
  installSocketAuth(io);
  setRealtimeServer(io);

  await registerWorkers(await startJobQueue());
  // Webhooks stored but not processed before the last stop (or crash) are picked up at once.
  startWebhookWorker();

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, resolve));
  log(`Chat đa kênh is ready on ${config.APP_URL} (${dev ? "development" : "production"}).`);
  if (emulator) log(`Meta emulator (demo Facebook): ${config.META_DIALOG_URL}/_emulator`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down…`);
    // Started before the first await: on Ctrl-C the embedded database is signalled too and closes
    // connections at once, which the queue must treat as shutdown, not as errors.
    const jobQueueStopped = stopJobQueue();
    setRealtimeServer(undefined);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await stopWebhookWorker();
    await jobQueueStopped;
    await emulator?.close();
    await app.close?.();
    await disconnectDb();
    await runtime.embeddedDatabase?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
