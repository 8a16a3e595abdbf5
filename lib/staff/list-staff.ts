// The workspace's staff, admins first, for the staff page (with who is "Sẵn sàng nhận chat") and the rule form.
import { db } from "@/lib/db";

export function listStaff(workspaceId: string) {
  return db().user.findMany({
    where: { workspaceId },
    select: { id: true, name: true, email: true, role: true, active: true, availability: true, createdAt: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
}

export type StaffMember = Awaited<ReturnType<typeof listStaff>>[number];
