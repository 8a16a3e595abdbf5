// What the rule form offers: the workspace's channels of every platform (with the rule each already
// belongs to, so the form can show a channel as taken), its staff accounts (to add members by email),
// and how long each platform keeps a conversation answerable ("Chia hội thoại khả dựng").
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { answerableDays, type AnswerableWindow } from "@/lib/channels/answerable-days";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface RuleFormOptions {
  channels: {
    id: string;
    name: string;
    platform: Platform;
    status: "connected" | "needs_reconnect" | "disconnected";
    chatMode: "only_me" | "shared";
    rule: { id: string; name: string } | null;
  }[];
  staff: { id: string; name: string; email: string; active: boolean }[];
  answerable: AnswerableWindow[];
}

export async function listRuleFormOptions(admin: SessionUser): Promise<RuleFormOptions> {
  assertAdmin(admin);
  const [channels, staff] = await Promise.all([
    db().channel.findMany({
      // Disconnected pages are offered only where they are still a source, so they can be removed.
      where: { workspaceId: admin.workspaceId, OR: [{ status: { not: "disconnected" } }, { ruleSource: { isNot: null } }] },
      select: {
        id: true,
        name: true,
        platform: true,
        status: true,
        chatMode: true,
        ruleSource: { select: { rule: { select: { id: true, name: true } } } },
      },
      orderBy: { name: "asc" },
    }),
    db().user.findMany({
      where: { workspaceId: admin.workspaceId },
      select: { id: true, name: true, email: true, active: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    channels: channels.map(({ ruleSource, ...channel }) => ({ ...channel, rule: ruleSource?.rule ?? null })),
    staff,
    answerable: answerableDays(),
  };
}
