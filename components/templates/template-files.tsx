// The files of a template being edited: each uploads at once through POST /api/uploads (as the
// composer's do), shows its progress or why it failed, and can be removed. At most
// TEMPLATE_ATTACHMENTS_MAX; the picker is hidden once the template holds that many.
"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import type { UploadDto } from "@/lib/uploads/upload-meta";
import { TEMPLATE_ATTACHMENTS_MAX } from "@/lib/templates/template-limits";
import { PaperclipIcon } from "@/components/inbox/icons";

export interface TemplateFile {
  key: string;
  name: string;
  status: "uploading" | "ready" | "failed";
  upload: UploadDto | null;
  error: unknown;
}

let nextKey = 0;

export const storedFile = (upload: UploadDto): TemplateFile => ({ key: `file-${++nextKey}`, name: upload.name, status: "ready", upload, error: null });

interface Props {
  files: TemplateFile[];
  onChange: (update: (files: TemplateFile[]) => TemplateFile[]) => void;
  error?: string;
}

export function TemplateFiles({ files, onChange, error }: Props) {
  const t = useTranslations("templates.editor");
  const { errorText } = useErrorText();
  const id = useId();

  function add(list: FileList) {
    const room = TEMPLATE_ATTACHMENTS_MAX - files.length;
    for (const file of Array.from(list).slice(0, Math.max(0, room))) {
      const key = `file-${++nextKey}`;
      onChange((current) => [...current, { key, name: file.name, status: "uploading", upload: null, error: null }]);
      const form = new FormData();
      form.append("file", file);
      apiFetch<UploadDto>("/api/uploads", { method: "POST", body: form }).then(
        (upload) => onChange((current) => current.map((item) => (item.key === key ? { ...item, status: "ready", upload } : item))),
        (caught: unknown) => onChange((current) => current.map((item) => (item.key === key ? { ...item, status: "failed", error: caught } : item))),
      );
    }
  }

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-slate-700">{t("attachments")}</legend>
      {files.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {files.map((file) => (
            <li key={file.key} className={`flex max-w-full items-center gap-2 rounded-lg border px-2 py-1 text-xs ${file.status === "failed" ? "border-red-300 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50"}`}>
              {file.status === "ready" && file.upload?.type === "image" ? (
                // eslint-disable-next-line @next/next/no-img-element -- our own upload URL, any size: no image optimisation wanted
                <img src={file.upload.url} alt="" className="size-8 rounded object-cover" />
              ) : (
                <PaperclipIcon className="size-3.5 text-slate-500" />
              )}
              <span className="max-w-40 truncate">{file.name}</span>
              <span className="text-slate-500">{file.status === "uploading" ? t("uploading") : file.status === "failed" ? errorText(file.error) : ""}</span>
              <button
                type="button"
                onClick={() => onChange((current) => current.filter((item) => item.key !== file.key))}
                className="rounded px-1 text-slate-500 hover:bg-slate-200 focus:ring-2 focus:ring-brand-500 focus:outline-none"
                aria-label={t("removeAttachment", { name: file.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < TEMPLATE_ATTACHMENTS_MAX && (
        <label className="inline-flex w-fit cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-brand-500">
          <PaperclipIcon className="size-4" />
          {t("attach")}
          <input
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => {
              if (event.target.files) add(event.target.files);
              event.target.value = "";
            }}
          />
        </label>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("attachHint", { max: TEMPLATE_ATTACHMENTS_MAX })}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
