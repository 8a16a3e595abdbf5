// Staff management: the workspace's accounts and pending invitations, invite or add, rename, change
// role, lock or unlock, reset a password; and the history of these changes.
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { requirePageAdmin } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/list-staff";
import { listPendingInvitations } from "@/lib/staff/list-invitations";
import { listStaffChanges } from "@/lib/staff/list-staff-changes";
import { StaffManager } from "@/components/staff/staff-manager";
import { StaffHistory } from "@/components/staff/staff-history";

export async function generateMetadata() {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage() {
  const admin = await requirePageAdmin("/settings/staff");
  const [staff, invitations, changes] = await Promise.all([
    listStaff(admin.workspaceId),
    listPendingInvitations(admin.workspaceId),
    listStaffChanges(admin.workspaceId),
  ]);
  return (
    <>
      <StaffManager
        currentUserId={admin.id}
        initialStaff={staff.map((member) => ({ ...member, createdAt: member.createdAt.toISOString() }))}
        initialInvitations={invitations.map((invitation) => ({ ...invitation, expiresAt: invitation.expiresAt.toISOString() }))}
      />
      <StaffHistory changes={changes} locale={await getLocale()} timeZone={await getTimeZone()} />
    </>
  );
}
