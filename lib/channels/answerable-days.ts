// How long after a customer's last message each platform still lets a reply through, in whole days:
// what "Chia hội thoại khả dựng" means per platform, for the texts that explain it. Read from each
// provider's own reply window (the rule the sender and the old-conversation policy apply), so the
// explanation cannot drift from the behaviour.
import { providers } from "@/lib/channels/registry";
import type { Platform } from "@/lib/generated/prisma/enums";

const DAY_MS = 24 * 3600 * 1000;

export interface AnswerableWindow {
  platform: Platform;
  days: number;
}

export function answerableDays(): AnswerableWindow[] {
  const wrote = new Date(0);
  return (Object.keys(providers) as Platform[]).map((platform) => {
    const last = providers[platform].replyWindow({ lastInboundAt: wrote, repliesSinceInbound: 0 }).phases.at(-1);
    // Phases end a safety margin early (a minute): rounding gives the platform's own figure.
    return { platform, days: Math.round((last?.endsAt.getTime() ?? 0) / DAY_MS) };
  });
}
