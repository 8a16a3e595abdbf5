// Keeping an emulator's world between runs: the host gives the emulator a store (the app keeps it in
// its own database), and the saver writes the world there shortly after it changes and once more on close.

/** Where a world is kept; the emulator knows nothing of what is behind it. */
export interface WorldStore<Snapshot> {
  /** The last saved snapshot, or undefined for a world never saved (a fresh database). */
  load(): Promise<unknown>;
  save(snapshot: Snapshot): Promise<void>;
}

/** A burst of changes (a customer's message, its webhook, the receipts) is written once. */
const SAVE_DELAY_MS = 500;

export class WorldSaver<Snapshot> {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private lastSaved = "";

  constructor(
    private readonly snapshot: () => Snapshot,
    private readonly store: WorldStore<Snapshot>,
    /** Names the emulator in the log line of a failed save. */
    private readonly logLabel: string,
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
      const snapshot = this.snapshot();
      const serialized = JSON.stringify(snapshot);
      if (serialized === this.lastSaved) return;
      try {
        await this.store.save(snapshot);
        this.lastSaved = serialized;
      } catch (error) {
        // The next change tries again; the running demo is not stopped by a failed save.
        console.error(`[${this.logLabel}] saving the world failed:`, error);
      }
    });
    return this.saving;
  }
}
