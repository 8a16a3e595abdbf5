// HTTP load for benchmarks: closed-loop (N connections, each sends its next request when the last
// one answered) and open-loop (requests at a fixed rate whatever the answers; latency counted from
// the moment a request was due, so a stalled server cannot hide its queue — no coordinated omission).
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface LoadRequest {
  /** Another server than the loop's, for loads that spread over several (e.g. two emulators). */
  port?: number;
  /** POST unless given. */
  method?: "GET" | "POST";
  path: string;
  body: string;
  headers: Record<string, string>;
  /** Told the request's outcome: the HTTP status, or the connection error's code (open loop). */
  onAnswered?: (status: number | string) => void;
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  /** Answers other than 2xx by status, and failed connections by error code. */
  failures: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
}

/** The HTTP status, or the connection error's code. */
function send(agent: Agent, port: number, load: LoadRequest): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: load.port ?? port,
        path: load.path,
        method: load.method ?? "POST",
        agent,
        headers: { ...load.headers, ...(load.method === "GET" ? {} : { "content-length": Buffer.byteLength(load.body) }) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(load.method === "GET" ? undefined : load.body);
  });
}

function result(started: number, statuses: Array<number | string>, latenciesMs: number[]): LoadResult {
  const failures: Record<string, number> = {};
  for (const status of statuses) if (typeof status !== "number" || status < 200 || status > 299) failures[status] = (failures[status] ?? 0) + 1;
  const ok = statuses.length - Object.values(failures).reduce((sum, count) => sum + count, 0);
  return { requests: statuses.length, ok, errors: statuses.length - ok, failures, seconds: (performance.now() - started) / 1000, latenciesMs };
}

export async function closedLoop(port: number, connections: number, seconds: number, next: () => LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses: Array<number | string> = [];
  const latenciesMs: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const begin = performance.now();
        statuses.push(await send(agent, port, next()));
        latenciesMs.push(performance.now() - begin);
      }
    }),
  );
  const measured = result(started, statuses, latenciesMs);
  agent.destroy();
  return measured;
}

/** `next` is told when its request was due (performance.now() time), for latencies measured elsewhere. */
export async function openLoop(port: number, ratePerSecond: number, seconds: number, next: (dueAt: number) => LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(ratePerSecond * seconds);
  const intervalMs = 1000 / ratePerSecond;
  const statuses: Array<number | string> = [];
  const latenciesMs: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
    for (; sent < due; sent++) {
      const intended = started + sent * intervalMs;
      const load = next(intended);
      inFlight.push(
        send(agent, port, load).then((status) => {
          load.onAnswered?.(status);
          statuses.push(status);
          latenciesMs.push(performance.now() - intended);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const measured = result(started, statuses, latenciesMs);
  agent.destroy();
  return measured;
}
