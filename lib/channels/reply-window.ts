// When a conversation may still be answered, in terms every platform fits: a schedule of phases
// (open: a plain reply; tagged: a reply that must carry the platform's tag), each ending at a time
// and either free or counted against a paid quota (Zalo's 48 h / 8 replies); a phase may also end
// after a number of replies (Zalo's 8 free ones), whichever comes first. Each provider turns its
// rule into a schedule; this file says where a moment falls in it. Pure, so the composer (browser)
// and the sender (server) read the same answer.

export type ReplyCost = "free" | "paid_quota";

/** What a platform's rule reads from a conversation (Conversation columns of the same names). */
export interface ReplyWindowFacts {
  lastInboundAt: Date | null;
  /** Replies since the customer last wrote (Zalo's free replies are counted per customer message). */
  repliesSinceInbound: number;
}

export interface ReplyWindowPhase {
  state: "open" | "tagged";
  /** When this phase ends (the platform's limit less a safety margin). */
  endsAt: Date;
  /** The tag a reply carries in this phase (Messenger's HUMAN_AGENT); null in an open phase. */
  tag: string | null;
  cost: ReplyCost;
  /** Replies this phase still allows before it ends early (Zalo's free ones); null when only time ends it. */
  repliesAllowed: number | null;
}

export interface ReplyWindowSchedule {
  /** In order; empty when the customer has never written. */
  phases: ReplyWindowPhase[];
  /** Replies left of a per-window quota; null when the platform counts none. */
  repliesLeft: number | null;
}

export type OpenReplyWindow = {
  state: "open" | "tagged";
  tag: string | null;
  cost: ReplyCost;
  /** When this phase ends. */
  phaseEndsAt: Date;
  /** When no reply at all is allowed any more. */
  closesAt: Date;
  /** Until phaseEndsAt. */
  remainingMs: number;
  /** Replies left before this phase ends ("còn 5 tin miễn phí"); null when only time ends it. */
  phaseRepliesLeft: number | null;
  repliesLeft: number | null;
};

export type ReplyWindow =
  | OpenReplyWindow
  | {
      state: "closed";
      /** never_wrote: no message from the customer yet; quota_used: the window's replies are spent. */
      reason: "never_wrote" | "expired" | "quota_used";
      /** When the last phase ended; null when the customer has never written. */
      closedAt: Date | null;
    };

export function replyWindowAt(schedule: ReplyWindowSchedule, now: Date): ReplyWindow {
  const last = schedule.phases.at(-1);
  if (!last) return { state: "closed", reason: "never_wrote", closedAt: null };
  const at = now.getTime();
  const phase = schedule.phases.find((candidate) => at < candidate.endsAt.getTime() && candidate.repliesAllowed !== 0);
  if (!phase) return { state: "closed", reason: "expired", closedAt: last.endsAt };
  if (schedule.repliesLeft === 0) return { state: "closed", reason: "quota_used", closedAt: null };
  return {
    state: phase.state,
    tag: phase.tag,
    cost: phase.cost,
    phaseEndsAt: phase.endsAt,
    closesAt: last.endsAt,
    remainingMs: phase.endsAt.getTime() - at,
    phaseRepliesLeft: phase.repliesAllowed,
    repliesLeft: schedule.repliesLeft,
  };
}

/** The schedule as JSON carries it to the browser (dates as ISO strings). */
export interface ReplyWindowScheduleJson {
  phases: Array<Omit<ReplyWindowPhase, "endsAt"> & { endsAt: string }>;
  repliesLeft: number | null;
}

export function scheduleToJson(schedule: ReplyWindowSchedule): ReplyWindowScheduleJson {
  return { ...schedule, phases: schedule.phases.map((phase) => ({ ...phase, endsAt: phase.endsAt.toISOString() })) };
}

export function scheduleFromJson(json: ReplyWindowScheduleJson): ReplyWindowSchedule {
  return { ...json, phases: json.phases.map((phase) => ({ ...phase, endsAt: new Date(phase.endsAt) })) };
}
