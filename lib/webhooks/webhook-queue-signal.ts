// Wakes the webhook processor the moment a webhook is stored, so processing starts within
// milliseconds instead of at the next sweep. Held on globalThis: the route runs inside Next's
// bundle, the processor in server.ts's module graph, and both must reach the same listener.
const holder = globalThis as unknown as { __webhookStoredListener?: () => void };

export function signalWebhookStored(): void {
  holder.__webhookStoredListener?.();
}

/** Installed by the processor while it runs; undefined removes it. */
export function onWebhookStored(listener: (() => void) | undefined): void {
  holder.__webhookStoredListener = listener;
}
