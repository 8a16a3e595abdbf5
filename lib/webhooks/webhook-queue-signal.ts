// "A webhook was stored": lets the processor start within milliseconds instead of at the next sweep.
// On the main thread the listener forwards to the worker thread (start-webhook-worker.ts); inside
// the worker it wakes the processor loop. Held on globalThis, as modules may be loaded more than
// once per thread (Next's bundles and server.ts's module graph).
const holder = globalThis as unknown as {
  __webhookStoredListener?: () => void;
  __processorLeadsHere?: boolean;
  __processorLeadListener?: (leads: boolean) => void;
};

export function signalWebhookStored(): void {
  holder.__webhookStoredListener?.();
}

/** Installed by the processor while it runs; undefined removes it. */
export function onWebhookStored(listener: (() => void) | undefined): void {
  holder.__webhookStoredListener = listener;
}

/**
 * Whether this process's processor leads the processing now (webhook-processor.ts). Set inside the
 * thread that runs the processor; the worker thread passes it on to the main thread, which stores
 * webhooks and decides from it whether the leader must be told through a NOTIFY.
 */
export function reportProcessorLead(leads: boolean): void {
  holder.__processorLeadsHere = leads;
  holder.__processorLeadListener?.(leads);
}

export function processorLeadsHere(): boolean {
  return holder.__processorLeadsHere === true;
}

/** Installed by the worker thread, to pass the lead on to the main thread. */
export function onProcessorLead(listener: ((leads: boolean) => void) | undefined): void {
  holder.__processorLeadListener = listener;
}
