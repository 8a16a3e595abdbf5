// Puts an emulator's world on the air the same way for every platform: restore the saved world (or
// keep the freshly seeded one at once), track timers and outgoing calls, listen, and let the host
// reset the world or close the emulator.
import type { IncomingMessage, ServerResponse } from "node:http";
import { startEmulatorServer } from "./emulator-server";
import { Scheduler } from "./scheduler";
import { WorldSaver, type WorldStore } from "./world-saver";

export interface EmulatedWorld {
  /** Absolute URL of the emulator itself, known once it listens. */
  baseUrl: string;
  /** Back to the seeded state. */
  reset(): void;
}

/** How a platform's world is kept between runs. */
export interface WorldPersistence<World, Snapshot> {
  /** Without a store, every start is the seeded world. */
  store?: WorldStore<Snapshot>;
  /** Puts a saved world in place; false when what was saved is not a snapshot. */
  restore(world: World, saved: unknown): boolean;
  snapshot(world: World): Snapshot;
  /** Names the emulator in the log line of a failed save. */
  logLabel: string;
}

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The URL the app and browsers reach the emulator at, when not http://{host}:{port}. */
  publicUrl?: string;
}

export interface RunningEmulator<World> {
  url: string;
  world: World;
  resetWorld(): void;
  close(): Promise<void>;
}

export async function runEmulator<World extends EmulatedWorld, Snapshot>(
  world: World,
  persistence: WorldPersistence<World, Snapshot>,
  createHandler: (scheduler: Scheduler) => (req: IncomingMessage, res: ServerResponse) => void,
  listen: ListenOptions,
): Promise<RunningEmulator<World>> {
  const { store } = persistence;
  let saver: WorldSaver<Snapshot> | undefined;
  if (store) {
    const restored = persistence.restore(world, await store.load());
    saver = new WorldSaver(() => persistence.snapshot(world), store, persistence.logLabel);
    // A world seeded now is kept at once, so its seeded conversations keep their times after a crash too.
    if (!restored) saver.changed();
  }
  const scheduler = new Scheduler(() => saver?.changed());
  const server = await startEmulatorServer({
    handleRequest: createHandler(scheduler),
    scheduler,
    saver,
    port: listen.port,
    host: listen.host,
    publicUrl: listen.publicUrl,
  });
  world.baseUrl = server.url;

  return {
    url: server.url,
    world,
    resetWorld: () => {
      world.reset();
      saver?.changed();
    },
    close: server.close,
  };
}
