// The workspace's labels, by name, each with how many conversations the viewer may see carry it: the
// list's label filter shows these counts, so an agent's never reveal conversations hidden from her.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import type { LabelWithCount } from "@/lib/labels/label-input";

export async function listLabels(user: SessionUser): Promise<LabelWithCount[]> {
  const [labels, counts] = await Promise.all([
    db().label.findMany({ where: { workspaceId: user.workspaceId }, select: { id: true, name: true, color: true }, orderBy: [{ nameKey: "asc" }, { id: "asc" }] }),
    db().conversationLabel.groupBy({
      by: ["labelId"],
      where: { label: { workspaceId: user.workspaceId }, conversation: await visibleConversationsFor(user) },
      _count: { _all: true },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [row.labelId, row._count._all]));
  return labels.map((label) => ({ ...label, count: countOf.get(label.id) ?? 0 }));
}
