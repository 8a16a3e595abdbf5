// Entry point: one process serves Next.js pages and API routes and the Socket.io channel on the same
// port. NODE_ENV must be settled before Next.js is loaded, hence the dynamic import.
export {};

const dev = process.argv.includes("--dev");
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

const { startServer } = await import("./lib/server/start-server.ts");
await startServer({ dev });
