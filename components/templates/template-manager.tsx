// Settings → "Tin nhắn mẫu": the shared templates (admins manage them; agents read them) and the
// viewer's own, each with its shortcut, text and files; add, edit in place, delete after an inline
// confirmation.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TemplateDto } from "@/lib/templates/template-dto";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DeleteConfirmation } from "@/components/ui/delete-confirmation";
import { useConfirmedDelete } from "@/components/ui/use-confirmed-delete";
import { deleteTemplate } from "@/components/templates/templates-api";
import { TemplateEditor } from "@/components/templates/template-editor";
import { useTemplateErrorText } from "@/components/templates/use-template-error-text";

interface Props {
  initialTemplates: TemplateDto[];
  isAdmin: boolean;
}

/** "new", a template's id, or nothing being edited. */
type Editing = "new" | string | null;

const byShortcut = (a: TemplateDto, b: TemplateDto) => a.shortcut.localeCompare(b.shortcut, "vi");

export function TemplateManager({ initialTemplates, isAdmin }: Props) {
  const t = useTranslations("templates");
  const { wholeText } = useTemplateErrorText();
  const [templates, setTemplates] = useState(initialTemplates);
  const [editing, setEditing] = useState<Editing>(null);
  const { confirming, setConfirming, busyId, message, setMessage, confirm } = useConfirmedDelete<TemplateDto>({
    remove: async (template) => {
      await deleteTemplate(template.id);
      setTemplates((current) => current.filter((other) => other.id !== template.id));
    },
    deletedText: (template) => t("deleted", { shortcut: template.shortcut }),
    errorText: wholeText,
  });

  function saved(template: TemplateDto) {
    setTemplates((current) => [...current.filter((other) => other.id !== template.id), template].sort(byShortcut));
    setEditing(null);
    setMessage({ tone: "success", text: t("saved", { shortcut: template.shortcut }) });
  }

  const sections = [
    { key: "shared", title: t("shared"), hint: isAdmin ? t("sharedHintAdmin") : t("sharedHintAgent"), empty: t("emptyShared"), items: templates.filter((item) => item.shared), manageable: isAdmin },
    { key: "mine", title: t("mine"), hint: t("mineHint"), empty: t("emptyMine"), items: templates.filter((item) => !item.shared), manageable: true },
  ];

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{isAdmin ? t("intro") : t("introAgent")}</p>
        </div>
        {editing !== "new" && (
          <Button
            onClick={() => {
              setEditing("new");
              setMessage(null);
            }}
          >
            {t("create")}
          </Button>
        )}
      </header>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {editing === "new" && <TemplateEditor template={null} canShare={isAdmin} onSaved={saved} onCancel={() => setEditing(null)} />}
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`templates-${section.key}`} className="flex flex-col gap-2">
          <div>
            <h2 id={`templates-${section.key}`} className="text-lg font-semibold">
              {section.title} <span className="text-sm font-normal text-slate-500">({section.items.length})</span>
            </h2>
            <p className="text-sm text-slate-600">{section.hint}</p>
          </div>
          {section.items.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{section.empty}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {section.items.map((template) =>
                editing === template.id ? (
                  <li key={template.id}>
                    <TemplateEditor template={template} canShare={false} onSaved={saved} onCancel={() => setEditing(null)} />
                  </li>
                ) : (
                  <li key={template.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
                    <article aria-labelledby={`template-${template.id}`}>
                      <header className="flex flex-wrap items-start gap-2">
                        <h3 id={`template-${template.id}`} className="min-w-0 flex-1 truncate font-mono font-semibold text-brand-700">
                          /{template.shortcut}
                        </h3>
                        {section.manageable ? (
                          <div className="flex gap-2">
                            <Button variant="secondary" className="px-3 py-1.5" aria-label={t("editTemplate", { shortcut: template.shortcut })} onClick={() => setEditing(template.id)}>
                              {t("edit")}
                            </Button>
                            <Button variant="ghost" className="px-3 py-1.5" aria-label={t("deleteTemplate", { shortcut: template.shortcut })} onClick={() => setConfirming(template.id)}>
                              {t("delete")}
                            </Button>
                          </div>
                        ) : (
                          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("readOnly")}</span>
                        )}
                      </header>
                      {template.text && <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-sm text-slate-700">{template.text}</p>}
                      {template.attachments.length > 0 && (
                        <p className="mt-1 truncate text-xs text-slate-500">
                          {t("files", { count: template.attachments.length })}: {template.attachments.map((file) => file.name).join(", ")}
                        </p>
                      )}
                      {confirming === template.id && (
                        <DeleteConfirmation
                          className="mt-3"
                          action={t("confirmDelete")}
                          question={t("deleteConfirm", { shortcut: template.shortcut })}
                          busy={busyId === template.id}
                          onCancel={() => setConfirming(null)}
                          onConfirm={() => void confirm(template)}
                        />
                      )}
                    </article>
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
