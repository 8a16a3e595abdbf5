// What the main thread and the webhook worker thread say to each other.
export type ToWorker = { kind: "wake" } | { kind: "stop" };

export type ToMainThread = { kind: "emit"; rooms: string[]; event: string; payload: unknown } | { kind: "stopped" };
