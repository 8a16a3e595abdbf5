// `npm run build`'s second half: server.ts and the webhook worker compiled into dist/ with esbuild,
// so production runs plain JavaScript under node. Run through tsx, every process also carried tsx's
// module-loader thread, its transform cache and the source maps of each file it compiled: 40–80 MB of
// each process's resident memory (docs/benchmarks.md and docs/decisions.md, issue 13). Development
// (`npm run dev`) and the tests keep running the TypeScript through tsx.
//
// Packages stay in node_modules and are imported as they are; only our own code is compiled. Dynamic
// imports stay separate files (splitting), so server.ts still settles NODE_ENV before Next.js loads.
// The worker's file takes the name of lib/webhooks/webhook-worker-entry.mjs, which
// start-webhook-worker.ts looks for next to itself: in dist/ that is the compiled worker, in lib/ the
// entry that registers tsx first.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const SERVER_BUILD_DIR = "dist";

rmSync(SERVER_BUILD_DIR, { recursive: true, force: true });
await build({
  entryPoints: { server: "server.ts", "webhook-worker-entry": "lib/webhooks/webhook-worker.ts" },
  outdir: SERVER_BUILD_DIR,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log(`Server compiled into ${SERVER_BUILD_DIR}/`);
