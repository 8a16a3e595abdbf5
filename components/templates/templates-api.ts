// Browser-side calls to the templates API, shared by the settings screen and the composer's picker.
import { apiFetch } from "@/lib/client/api-fetch";
import type { TemplateDto } from "@/lib/templates/template-dto";

export interface TemplateList {
  templates: TemplateDto[];
  /** Fills {ten_nhan_vien}. */
  agentName: string;
}

export interface TemplateForm {
  shortcut: string;
  text: string;
  attachments: { uploadId: string }[];
  /** Only when creating: who the template is for. */
  shared?: boolean;
}

export function fetchTemplates(): Promise<TemplateList> {
  return apiFetch("/api/templates");
}

/** Creates the template, or saves the whole form of an existing one. */
export async function saveTemplate(id: string | null, form: TemplateForm): Promise<TemplateDto> {
  const { shared, ...content } = form;
  const { template } = id
    ? await apiFetch<{ template: TemplateDto }>(`/api/templates/${id}`, { method: "PATCH", json: content })
    : await apiFetch<{ template: TemplateDto }>("/api/templates", { method: "POST", json: { ...content, shared: shared ?? false } });
  return template;
}

export function deleteTemplate(id: string): Promise<null> {
  return apiFetch(`/api/templates/${id}`, { method: "DELETE" });
}
