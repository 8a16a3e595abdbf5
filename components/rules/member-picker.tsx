// "User nhận hội thoại": add people by email (suggested from the workspace's staff), shown as chips.
// An email with no account, or a locked account, is refused right here with an inline error; the
// server checks again on save.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import type { RuleFormOptions } from "@/lib/assignment/list-rule-form-options";

type StaffMember = RuleFormOptions["staff"][number];

const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

export function MemberPicker({
  emails,
  staff,
  currentMemberIds,
  onChange,
  error,
  onError,
}: {
  emails: string[];
  staff: StaffMember[];
  /** Members already saved in the rule: they may stay even if their account is locked. */
  currentMemberIds: ReadonlySet<string>;
  onChange: (emails: string[]) => void;
  error?: string;
  onError: (message: string | undefined) => void;
}) {
  const t = useTranslations("rules");
  const id = useId();
  const [draft, setDraft] = useState("");
  const byEmail = new Map(staff.map((person) => [person.email, person]));

  function add() {
    const parsed = emailSchema.safeParse(draft);
    if (!parsed.success) return onError(t("errors.invalid_email"));
    const email = parsed.data;
    const person = byEmail.get(email);
    if (emails.includes(email)) return onError(t("errors.already_added"));
    if (!person) return onError(t("errors.unknown_email", { emails: email }));
    if (!person.active && !currentMemberIds.has(person.id)) return onError(t("errors.inactive_member", { emails: email }));
    onChange([...emails, email]);
    setDraft("");
    onError(undefined);
  }

  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={`${id}-input`} className="text-sm font-semibold text-slate-900">
        {t("form.members")}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("form.membersHint")}
      </p>
      <div className="flex gap-2">
        <input
          id={`${id}-input`}
          type="email"
          inputMode="email"
          autoComplete="off"
          list={`${id}-staff`}
          placeholder={t("form.memberEmail")}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the email instead of submitting the whole form.
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`min-w-0 flex-1 rounded-lg border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-red-500" : "border-slate-300"}`}
        />
        <Button type="button" variant="secondary" onClick={add}>
          {t("form.addMember")}
        </Button>
      </div>
      <datalist id={`${id}-staff`}>
        {staff
          .filter((person) => person.active && !emails.includes(person.email))
          .map((person) => (
            <option key={person.id} value={person.email}>
              {person.name}
            </option>
          ))}
      </datalist>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
      {emails.length === 0 ? (
        <p className="text-sm text-slate-500">{t("form.noMembers")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t("form.memberList")}>
          {emails.map((email) => {
            const person = byEmail.get(email);
            const name = person?.name ?? email;
            return (
              <li key={email} className="flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm">
                <span className="min-w-0 truncate">
                  {name} <span className="text-slate-600">· {email}</span>
                  {person && !person.active && <span className="ml-1 text-xs text-amber-700">({t("form.inactive")})</span>}
                </span>
                <button
                  type="button"
                  onClick={() => onChange(emails.filter((other) => other !== email))}
                  aria-label={t("form.removeMember", { name })}
                  className="flex size-6 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:ring-2 focus-visible:ring-brand-500"
                >
                  <span aria-hidden>×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
