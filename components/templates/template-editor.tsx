// The "Tin nhắn mẫu" form: shortcut, text with the variables one can insert at the caret, files, and
// (admins, new templates) who it is for. Unknown "{…}" placeholders are flagged as the seller types
// and in the preview; they are kept as typed, since the seller may mean them literally.
"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { TemplateDto } from "@/lib/templates/template-dto";
import { TEMPLATE_SHORTCUT_MAX, TEMPLATE_TEXT_MAX } from "@/lib/templates/template-limits";
import { TEMPLATE_VARIABLES, templateParts, unknownVariables } from "@/lib/templates/template-variables";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveTemplate } from "@/components/templates/templates-api";
import { storedFile, TemplateFiles, type TemplateFile } from "@/components/templates/template-files";
import { useTemplateErrorText } from "@/components/templates/use-template-error-text";

interface Props {
  /** null: a new template. */
  template: TemplateDto | null;
  /** Admins may make a new template shared. */
  canShare: boolean;
  onSaved: (template: TemplateDto) => void;
  onCancel: () => void;
}

export function TemplateEditor({ template, canShare, onSaved, onCancel }: Props) {
  const t = useTranslations("templates.editor");
  const { fieldTexts, wholeText } = useTemplateErrorText();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [shortcut, setShortcut] = useState(template?.shortcut ?? "");
  const [text, setText] = useState(template?.text ?? "");
  const [shared, setShared] = useState(canShare);
  const [files, setFiles] = useState<TemplateFile[]>(() => template?.attachments.map(storedFile) ?? []);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const unknown = unknownVariables(text);
  const tooLong = text.trim().length > TEMPLATE_TEXT_MAX;
  const uploading = files.some((file) => file.status === "uploading");

  function insertVariable(name: string) {
    const box = textarea.current;
    const token = `{${name}}`;
    const [start, end] = box ? [box.selectionStart, box.selectionEnd] : [text.length, text.length];
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit() {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const attachments = files.flatMap((file) => (file.status === "ready" && file.upload ? [{ uploadId: file.upload.id }] : []));
      onSaved(await saveTemplate(template?.id ?? null, { shortcut, text, attachments, ...(template ? {} : { shared }) }));
    } catch (caught) {
      const fields = fieldTexts(caught);
      if (fields) setErrors(fields);
      else setFormError(wholeText(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-4 rounded-xl border border-brand-100 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {template ? t("titleEdit", { shortcut: template.shortcut }) : t("titleNew")}
      </h2>
      {formError && <Alert tone="error">{formError}</Alert>}
      {canShare && !template && (
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium text-slate-700">{t("scope")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-scope`} checked={shared} onChange={() => setShared(true)} />
            {t("scopeShared")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-scope`} checked={!shared} onChange={() => setShared(false)} />
            {t("scopeMine")}
          </label>
        </fieldset>
      )}
      <Field
        label={t("shortcut")}
        hint={t("shortcutHint", { max: TEMPLATE_SHORTCUT_MAX })}
        error={errors.shortcut}
        value={shortcut}
        onChange={(event) => setShortcut(event.target.value)}
        maxLength={TEMPLATE_SHORTCUT_MAX + 1}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-text`} className="text-sm font-medium text-slate-700">
          {t("text")}
        </label>
        <div role="group" aria-label={t("variables")} className="flex flex-wrap items-center gap-1.5 text-xs">
          <span className="text-slate-600">{t("variables")}:</span>
          {TEMPLATE_VARIABLES.map((name) => (
            <button
              key={name}
              type="button"
              onClick={() => insertVariable(name)}
              aria-label={t("insertVariable", { name: t(`variableNames.${name}`) })}
              className="rounded-full border border-brand-100 bg-brand-50 px-2 py-0.5 font-mono text-brand-700 hover:bg-brand-100 focus:ring-2 focus:ring-brand-500 focus:outline-none"
            >
              {`{${name}}`} <span className="font-sans text-slate-600">{t(`variableNames.${name}`)}</span>
            </button>
          ))}
        </div>
        <textarea
          id={`${id}-text`}
          ref={textarea}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={5}
          aria-invalid={errors.text || tooLong ? true : undefined}
          aria-describedby={`${id}-text-status`}
          className={`rounded-lg border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${errors.text || tooLong ? "border-red-500" : "border-slate-300"}`}
        />
        <div id={`${id}-text-status`} className="flex flex-col gap-1 text-xs">
          {errors.text && <p className="text-red-600">{errors.text}</p>}
          {unknown.length > 0 && (
            <p className="text-amber-800" role="status">
              {t("unknownVariables", { names: unknown.map((name) => `{${name}}`).join(", ") })}
            </p>
          )}
          <p className={tooLong ? "text-red-700" : "text-slate-500"}>{t("counter", { count: text.trim().length, max: TEMPLATE_TEXT_MAX })}</p>
        </div>
        {text.includes("{") && <Preview text={text} label={t("preview")} />}
      </div>
      <TemplateFiles files={files} onChange={setFiles} error={errors.attachments} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <SubmitButton busy={saving} disabled={uploading || tooLong}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The text with its placeholders marked: known ones as chips, unknown ones underlined in amber. */
function Preview({ text, label }: { text: string; label: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      <p className="whitespace-pre-wrap break-words">
        {templateParts(text).map((part, index) =>
          part.variable === "known" ? (
            <span key={index} className="rounded bg-brand-50 px-1 font-mono text-brand-700">
              {part.text}
            </span>
          ) : part.variable === "unknown" ? (
            <mark key={index} className="rounded bg-amber-100 px-1 font-mono text-amber-900 underline decoration-wavy">
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
