// Where a history sync run stands, as the job that read it saw it. Every write of a job is
// conditional on the row still being there: if another job (a retried copy after a crash, or a
// restart with "Đồng bộ lại") moved on meanwhile, the write matches nothing and the job stops, so a
// page is stored and counted once.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SyncStatus } from "@/lib/generated/prisma/enums";

export const ACTIVE_STATUSES: SyncStatus[] = ["queued", "running"];

export interface SyncPosition {
  id: string;
  channelId: string;
  run: number;
  cursor: string | null;
  catchUpSince: Date | null;
}

export function positionWhere(position: SyncPosition): Prisma.HistorySyncWhereInput {
  return {
    id: position.id,
    run: position.run,
    cursor: position.cursor,
    catchUpSince: position.catchUpSince,
    status: { in: ACTIVE_STATUSES },
  };
}

/** Thrown inside a page's transaction when its guarded write matched nothing: rolls the page back. */
export class SupersededError extends Error {
  constructor() {
    super("Another job of this history sync already moved past this page");
    this.name = "SupersededError";
  }
}
