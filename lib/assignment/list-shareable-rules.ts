// The rules a page can be shared through in the chat-permission step ("Thêm vào quy tắc đã có"):
// every rule of the workspace for admins; for staff who connected their own page, the rules they
// belong to (creating and editing rules stays with admins).
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";

export interface ShareableRule {
  id: string;
  name: string;
  sourceCount: number;
  memberCount: number;
}

export async function listShareableRules(user: SessionUser): Promise<ShareableRule[]> {
  const rules = await db().assignmentRule.findMany({
    where: { workspaceId: user.workspaceId, ...(user.role === "admin" ? {} : { members: { some: { userId: user.id } } }) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, _count: { select: { sources: true, members: true } } },
  });
  return rules.map((rule) => ({ id: rule.id, name: rule.name, sourceCount: rule._count.sources, memberCount: rule._count.members }));
}
