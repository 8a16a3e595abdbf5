// A tiny webhook endpoint that records what the emulator sends (raw bytes included), for tests and local checks.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  rawBody: Buffer;
  receivedAt: number;
}

/** Decides each answer: an HTTP status, optionally after a delay (to provoke timeouts). */
export type Responder = (request: RecordedRequest) => { status: number; delayMs?: number };

export interface WebhookRecorder {
  url: string;
  requests: RecordedRequest[];
  respondWith(responder: Responder): void;
  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export function jsonOf(request: RecordedRequest): unknown {
  return JSON.parse(request.rawBody.toString("utf8"));
}

export async function startWebhookRecorder(): Promise<WebhookRecorder> {
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> =
    [];
  let responder: Responder = () => ({ status: 200 });
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = {
        path: req.url ?? "/",
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        receivedAt: Date.now(),
      };
      requests.push(request);
      for (const waiter of [...waiters]) {
        if (!waiter.match(request)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
      const { status, delayMs } = responder(request);
      const answer = (): void => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 200 ? "EVENT_RECEIVED" : "error");
      };
      if (!delayMs) return answer();
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhook`,
    requests,
    respondWith: (next) => {
      responder = next;
    },
    waitFor: (match, timeoutMs = 3000) => {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index < 0) return;
          waiters.splice(index, 1);
          reject(new Error(`No matching webhook within ${timeoutMs} ms (got ${requests.length})`));
        }, timeoutMs).unref();
      });
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
