// Where this process is in its life: starting (not ready yet), accepting work, or stopping (a
// SIGTERM came: /api/ready turns 503 at once so a balancer sends new work elsewhere, and
// connection errors of a database going away are expected rather than alarming). On globalThis
// because Next's bundles load this module separately from server.ts.
export type ServerPhase = "starting" | "accepting" | "stopping";

const holder = globalThis as unknown as { __serverPhase?: ServerPhase };

export function setServerPhase(phase: ServerPhase): void {
  holder.__serverPhase = phase;
}

export function serverPhase(): ServerPhase {
  return holder.__serverPhase ?? "starting";
}
