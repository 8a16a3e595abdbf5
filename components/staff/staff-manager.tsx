// The staff page's people: the list with each member's actions, pending invitations, and the forms
// to invite (or add with an initial password). Changes apply without a reload; the server-rendered
// history below is refreshed after each one. Locking someone who connected "only me" pages first asks
// where each page goes (channel-handover-dialog.tsx).
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { useRealtimeEvent } from "@/components/realtime/use-realtime";
import { apiFetch } from "@/lib/client/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ListMessage } from "@/components/ui/use-confirmed-delete";
import { AddStaffForm } from "@/components/staff/add-staff-form";
import type { MailOutcome } from "@/lib/mail/send-mail";
import { CopyLinkBox } from "@/components/staff/copy-link-box";
import { InviteStaffForm } from "@/components/staff/invite-staff-form";
import { PendingInvitations, type InvitationRow } from "@/components/staff/pending-invitations";
import { StaffMemberRow, type StaffChangeRequest } from "@/components/staff/staff-member-row";
import { ChannelHandoverDialog, loadHandoverRequest, type HandoverRequest } from "@/components/staff/channel-handover-dialog";
import { useStaffErrorText } from "@/components/staff/use-staff-error-text";

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  active: boolean;
  availability: "available" | "away";
  createdAt: string;
}

interface ScreenMessage extends ListMessage {
  /** For a failure that "Thử lại" can repeat. */
  retry?: () => void;
}

export function StaffManager({
  currentUserId,
  initialStaff,
  initialInvitations,
}: {
  currentUserId: string;
  initialStaff: StaffRow[];
  initialInvitations: InvitationRow[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const staffErrorText = useStaffErrorText();
  const [staff, setStaff] = useState(initialStaff);
  const [invitations, setInvitations] = useState(initialInvitations);
  const [message, setMessage] = useState<ScreenMessage | null>(null);
  const [resetLink, setResetLink] = useState<{ name: string; link: string; mail: MailOutcome } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [handover, setHandover] = useState<HandoverRequest | null>(null);
  // Who is available changes while the page is open (switches, auto-away): admins see it live.
  useRealtimeEvent(
    "availability:changed",
    useCallback(({ userId, availability }: ServerEventPayload<"availability:changed">) => {
      setStaff((rows) => rows.map((row) => (row.id === userId ? { ...row, availability } : row)));
    }, []),
  );

  /** Runs one request about a member; true when the server took it. */
  async function run(member: StaffRow, request: () => Promise<void>): Promise<boolean> {
    setBusyId(member.id);
    setMessage(null);
    setResetLink(null);
    try {
      await request();
      router.refresh();
      return true;
    } catch (caught) {
      setMessage({ tone: "error", text: staffErrorText(caught) });
      return false;
    } finally {
      setBusyId(null);
    }
  }

  const change = (member: StaffRow, update: StaffChangeRequest) =>
    run(member, async () => {
      await apiFetch(`/api/staff/${member.id}`, { method: "PATCH", json: update });
      setStaff((rows) => rows.map((row) => (row.id === member.id ? { ...row, ...update } : row)));
    });

  /** "Khóa tài khoản": straight away, unless the member connected "only me" pages; then the dialog asks where they go. */
  async function deactivate(member: StaffRow) {
    setBusyId(member.id);
    setMessage(null);
    setResetLink(null);
    let request: HandoverRequest;
    try {
      request = await loadHandoverRequest(member);
    } catch (caught) {
      const text = t("staffHandover.loadFailed", { name: member.name, reason: staffErrorText(caught) });
      setMessage({ tone: "error", text, retry: () => void deactivate(member) });
      return;
    } finally {
      setBusyId(null);
    }
    if (request.pages.length > 0) setHandover(request);
    else await change(member, { active: false });
  }

  function handedOver(member: StaffRow, pageCount: number) {
    setHandover(null);
    setStaff((rows) => rows.map((row) => (row.id === member.id ? { ...row, active: false } : row)));
    setMessage({ tone: "success", text: t("staffHandover.done", { name: member.name, count: pageCount }) });
    router.refresh();
  }

  const resetPassword = (member: StaffRow) =>
    run(member, async () => {
      const { link, mail } = await apiFetch<{ link: string; mail: MailOutcome }>(`/api/staff/${member.id}/password-reset`, { method: "POST" });
      setResetLink({ name: member.name, link, mail });
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <section>
        <h1 className="text-2xl font-semibold">{t("staff.title")}</h1>
        {message && (
          <div className="mt-3">
            <Alert tone={message.tone}>
              {message.text}
              {message.retry && (
                <div className="mt-2">
                  <Button variant="secondary" onClick={message.retry}>
                    {t("common.retry")}
                  </Button>
                </div>
              )}
            </Alert>
          </div>
        )}
        {resetLink && (
          <div className="mt-3">
            <CopyLinkBox message={t("staffActions.resetLink", { name: resetLink.name })} link={resetLink.link} mail={resetLink.mail} />
          </div>
        )}
        <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={t("staff.title")}>
          {staff.map((member) => (
            <StaffMemberRow
              key={member.id}
              member={member}
              isYou={member.id === currentUserId}
              busy={busyId === member.id}
              onChange={(update) => change(member, update)}
              onDeactivate={() => void deactivate(member)}
              onResetPassword={() => void resetPassword(member)}
            />
          ))}
        </ul>
        <ChannelHandoverDialog
          request={handover}
          admins={staff.filter((row) => row.role === "admin" && row.active && row.id !== handover?.member.id)}
          currentUserId={currentUserId}
          onReloaded={setHandover}
          onDone={handedOver}
          onClose={() => setHandover(null)}
        />
        <PendingInvitations
          invitations={invitations}
          onChanged={(update) => {
            setInvitations((rows) =>
              "revokedId" in update ? rows.filter((row) => row.id !== update.revokedId) : rows.map((row) => (row.id === update.renewed.id ? update.renewed : row)),
            );
            router.refresh();
          }}
        />
      </section>
      <div className="flex flex-col gap-4">
        <InviteStaffForm
          onInvited={(invitation) => {
            setInvitations((rows) => [invitation, ...rows]);
            router.refresh();
          }}
        />
        <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer text-sm font-medium">{t("invitations.orPassword")}</summary>
          <div className="mt-3">
            <AddStaffForm
              onAdded={(member) => {
                setStaff((rows) => [...rows, member]);
                router.refresh();
              }}
            />
          </div>
        </details>
      </div>
    </div>
  );
}
