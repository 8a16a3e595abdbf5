// Entry point: one process serves Next.js pages and API routes and the Socket.io channel on the same
// port. NODE_ENV must be settled before Next.js is loaded, hence the dynamic import.
// First, before anything loads Next.js: it keeps the native Date (lib/server/native-date.ts).
import "./lib/server/native-date.ts";

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

const { startServer } = await import("./lib/server/start-server.ts");
const { describeStartupFailure, StartupError } = await import("./lib/server/startup-error.ts");
try {
  await startServer({ dev });
} catch (failure) {
  // One sentence naming the cause and the fix; an unexpected Error (a bug) keeps its stack for whoever reports it.
  console.error(describeStartupFailure(failure));
  if (failure instanceof Error && !(failure instanceof StartupError) && failure.stack) console.error(failure.stack);
  process.exit(1);
}
