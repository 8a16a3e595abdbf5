// Settings → "Nhãn" (admins): add a label with a name and a colour, rename or recolour one in place,
// delete one after an inline confirmation; each with how many conversations carry it. The list is
// the one the inbox uses (use-labels.ts), so a colleague's change shows here live too.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LABEL_COLORS, type LabelColor } from "@/lib/labels/label-colors";
import type { LabelDto, LabelWithCount } from "@/lib/labels/label-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DeleteConfirmation } from "@/components/ui/delete-confirmation";
import { useConfirmedDelete } from "@/components/ui/use-confirmed-delete";
import { LabelChip } from "@/components/labels/label-chip";
import { LabelForm } from "@/components/labels/label-form";
import { createLabel, deleteLabel, updateLabel } from "@/components/labels/labels-api";
import { useCustomerErrorText } from "@/components/labels/use-customer-error-text";
import { useLabels } from "@/components/labels/use-labels";

const paletteColor = (color: string): LabelColor => (LABEL_COLORS as string[]).includes(color) ? (color as LabelColor) : "gray";

export function LabelManager() {
  const t = useTranslations("customer.labels");
  const { wholeText } = useCustomerErrorText();
  const workspace = useLabels();
  const [editing, setEditing] = useState<string | null>(null);
  const { confirming, setConfirming, busyId, message, setMessage, confirm } = useConfirmedDelete<LabelWithCount>({
    remove: async (label) => {
      await deleteLabel(label.id);
      setEditing(null);
      workspace.refresh();
    },
    deletedText: (label) => t("deleted", { name: label.name }),
    errorText: wholeText,
  });

  function done(text: string) {
    setMessage({ tone: "success", text });
    setEditing(null);
    workspace.refresh();
  }

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="new-label-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="new-label-title" className="mb-3 font-medium">
          {t("add")}
        </h2>
        <LabelForm
          initial={{ name: "", color: "blue" }}
          submitText={t("add")}
          onSubmit={createLabel}
          onSaved={(label: LabelDto) => done(t("created", { name: label.name }))}
        />
      </section>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <section aria-labelledby="label-list-title">
        <h2 id="label-list-title" className="mb-3 font-medium">
          {t("listTitle")}
        </h2>
        {workspace.status === "loading" && (
          <div role="status" aria-label={t("loading")} className="space-y-2">
            {[0, 1, 2].map((index) => (
              <div key={index} className="h-12 animate-pulse rounded-lg bg-slate-100" />
            ))}
          </div>
        )}
        {workspace.status === "error" && (
          <div className="flex flex-col items-start gap-3">
            <Alert tone="error">{t("loadFailed")}</Alert>
            <Button variant="secondary" onClick={workspace.refresh}>
              {t("retry")}
            </Button>
          </div>
        )}
        {workspace.status === "ready" && workspace.labels.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
        {workspace.status === "ready" && workspace.labels.length > 0 && (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {workspace.labels.map((label) => (
              <li key={label.id} className="p-3">
                {editing === label.id ? (
                  <LabelForm
                    initial={{ name: label.name, color: paletteColor(label.color) }}
                    submitText={t("save")}
                    onSubmit={(input) => updateLabel(label.id, input)}
                    onSaved={(saved) => done(t("saved", { name: saved.name }))}
                    onCancel={() => setEditing(null)}
                  />
                ) : confirming === label.id ? (
                  <DeleteConfirmation
                    action={t("delete")}
                    question={t("confirmDelete", { name: label.name })}
                    busy={busyId === label.id}
                    onCancel={() => setConfirming(null)}
                    onConfirm={() => void confirm(label)}
                    autoFocus
                  />
                ) : (
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="min-w-0 flex-1">
                      <LabelChip label={label} />
                    </span>
                    <span className="text-sm text-slate-600">{t("count", { count: label.count })}</span>
                    <div className="flex gap-2">
                      <Button variant="secondary" className="px-3 py-1.5" aria-label={t("editLabel", { name: label.name })} onClick={() => setEditing(label.id)}>
                        {t("edit")}
                      </Button>
                      <Button variant="ghost" className="px-3 py-1.5 text-red-700! hover:bg-red-50!" aria-label={t("deleteLabel", { name: label.name })} onClick={() => setConfirming(label.id)}>
                        {t("delete")}
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
