// Timers and in-flight requests started by the emulator, tracked so close() leaves nothing running.

export class Scheduler {
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly controllers = new Set<AbortController>();
  private closedFlag = false;

  /**
   * `onActivity` hears every timer that fires and every outgoing request that ends: the work that
   * follows (receipts, retries, a subscription dropped after failed webhooks) may change the world.
   */
  constructor(private readonly onActivity: () => void = () => {}) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Resolves after `ms`, or at once when the emulator closes (callers then check `closed`). */
  delay(ms: number): Promise<void> {
    if (this.closedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
        this.onActivity();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  /** Runs `task` after `ms` unless the emulator closes first; errors are the task's own to handle. */
  later(ms: number, task: () => Promise<unknown> | void): void {
    void this.delay(ms).then(() => {
      if (!this.closedFlag) return task();
      return undefined;
    });
  }

  abortController(): { controller: AbortController; release: () => void } {
    const controller = new AbortController();
    this.controllers.add(controller);
    return {
      controller,
      release: () => {
        this.controllers.delete(controller);
        this.onActivity();
      },
    };
  }

  close(): void {
    this.closedFlag = true;
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }
}
