// One attempt at delivering a webhook, timed and recorded the same way by every emulator: only an
// HTTP 200 within the platform's timeout counts.
import { errorText } from "./error-text";
import type { Scheduler } from "./scheduler";

export interface WebhookAttempt {
  at: number;
  status?: number;
  error?: string;
  durationMs: number;
}

export async function postWebhookOnce(
  scheduler: Scheduler,
  request: {
    url: string;
    body: Uint8Array<ArrayBuffer> | string;
    headers: Record<string, string>;
    timeoutMs: number;
  },
): Promise<WebhookAttempt> {
  const started = Date.now();
  const { controller, release } = scheduler.abortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      body: request.body,
      headers: request.headers,
      signal: controller.signal,
    });
    await response.arrayBuffer();
    return { at: started, status: response.status, durationMs: Date.now() - started };
  } catch (error) {
    const message = controller.signal.aborted ? `timeout after ${request.timeoutMs} ms` : errorText(error);
    return { at: started, error: message, durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
    release();
  }
}
