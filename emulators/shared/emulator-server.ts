// The node:http side every emulator shares: listen, tell the saver after each answered request, and
// on close stop timers and outgoing calls, drop connections and write the world one last time.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Scheduler } from "./scheduler";
import type { WorldSaver } from "./world-saver";

export interface EmulatorServerOptions {
  handleRequest: (req: IncomingMessage, res: ServerResponse) => void;
  scheduler: Scheduler;
  saver?: WorldSaver<unknown>;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The URL the app and browsers reach the emulator at, when not http://{host}:{port}. */
  publicUrl?: string;
}

export interface EmulatorServer {
  url: string;
  close(): Promise<void>;
}

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const { saver, scheduler } = options;
  const server = createServer((req, res) => {
    // Every change starts with a request, a timer or the end of an outgoing call (Scheduler); the
    // saver skips unchanged worlds.
    if (saver) res.once("finish", () => saver.changed());
    options.handleRequest(req, res);
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (options.publicUrl ?? `http://${host}:${port}`).replace(/\/$/, ""),
    close: async () => {
      scheduler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await saver?.save();
    },
  };
}
