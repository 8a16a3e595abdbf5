// Entry of the webhook worker thread: worker threads do not inherit tsx's loader, so it is
// registered here (with the project's tsconfig paths) before the TypeScript module is loaded.
import { register } from "tsx/esm/api";

register();
await import("./webhook-worker.ts");
