// "A webhook was stored": lets the processor start within milliseconds instead of at the next sweep.
// On the main thread the listener forwards to the worker thread (start-webhook-worker.ts); inside
// the worker it wakes the processor loop. Held on globalThis, as modules may be loaded more than
// once per thread (Next's bundles and server.ts's module graph).
const holder = globalThis as unknown as { __webhookStoredListener?: () => void };

export function signalWebhookStored(): void {
  holder.__webhookStoredListener?.();
}

/** Installed by the processor while it runs; undefined removes it. */
export function onWebhookStored(listener: (() => void) | undefined): void {
  holder.__webhookStoredListener = listener;
}
