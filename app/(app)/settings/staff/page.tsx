// Staff management: list the workspace's accounts, add one, deactivate or reactivate.
import { getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/list-staff";
import { StaffManager } from "@/components/staff/staff-manager";

export async function generateMetadata() {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage() {
  const admin = await requirePageAdmin("/settings/staff");
  const staff = await listStaff(admin.workspaceId);
  return (
    <StaffManager
      currentUserId={admin.id}
      initialStaff={staff.map((member) => ({ ...member, createdAt: member.createdAt.toISOString() }))}
    />
  );
}
