// The inline "delete this?" of a settings list: the question, "Hủy" and the red button, in a group
// named for the action so a screen reader says what is being confirmed.
"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

interface Props {
  /** The red button's text, also the group's name ("Xóa quy tắc"). */
  action: string;
  question: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  /** Where the confirmation replaces the row (and its "Xóa" button), the focus moves to it. */
  autoFocus?: boolean;
  className?: string;
}

export function DeleteConfirmation({ action, question, busy, onCancel, onConfirm, autoFocus, className = "" }: Props) {
  const common = useTranslations("common");
  return (
    <div role="group" aria-label={action} className={`flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-3 sm:flex-row sm:items-center ${className}`.trimEnd()}>
      <p className="flex-1 text-sm text-red-800">{question}</p>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {common("cancel")}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm} autoFocus={autoFocus}>
          {action}
        </Button>
      </div>
    </div>
  );
}
