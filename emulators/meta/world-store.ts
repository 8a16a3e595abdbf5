// Keeping the world between runs: the host gives the emulator a store (the app keeps it in its own
// database), and the saver writes the world there shortly after it changes and once more on close.
import { snapshotWorld, type WorldSnapshot } from "./world-snapshot";
import type { World } from "./world";

/** Where a world is kept; the emulator knows nothing of what is behind it. */
export interface WorldStore {
  /** The last saved snapshot, or undefined for a world never saved (a fresh database). */
  load(): Promise<unknown>;
  save(snapshot: WorldSnapshot): Promise<void>;
}

/** A burst of changes (a customer's message, its webhook, the receipts) is written once. */
const SAVE_DELAY_MS = 500;

export class WorldSaver {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private lastSaved = "";

  constructor(
    private readonly world: World,
    private readonly store: WorldStore,
  ) {}

  /** Something may have changed: save soon. */
  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes now (after a write in progress), unless nothing changed since the last write. */
  save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.saving = this.saving.then(async () => {
      const snapshot = snapshotWorld(this.world);
      const serialized = JSON.stringify(snapshot);
      if (serialized === this.lastSaved) return;
      try {
        await this.store.save(snapshot);
        this.lastSaved = serialized;
      } catch (error) {
        // The next change tries again; the running demo is not stopped by a failed save.
        console.error("[meta-emulator] saving the world failed:", error);
      }
    });
    return this.saving;
  }
}
