// What the rule form offers: the workspace's pages (with the rule each already belongs to, so the
// form can show a page as taken) and its staff accounts (to add members by email).
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { assertAdmin } from "@/lib/assignment/assert-admin";

export interface RuleFormOptions {
  channels: {
    id: string;
    name: string;
    platform: "facebook" | "zalo";
    status: "connected" | "needs_reconnect" | "disconnected";
    chatMode: "only_me" | "shared";
    rule: { id: string; name: string } | null;
  }[];
  staff: { id: string; name: string; email: string; active: boolean }[];
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
  };
}
