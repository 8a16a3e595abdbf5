// The labels screen's calls to our API (admins), typed with the server's own shapes.
import { apiFetch } from "@/lib/client/api-fetch";
import type { CreateLabelInput, LabelDto, UpdateLabelInput } from "@/lib/labels/label-input";

const path = (id: string) => `/api/labels/${encodeURIComponent(id)}`;

export async function createLabel(input: CreateLabelInput): Promise<LabelDto> {
  return (await apiFetch<{ label: LabelDto }>("/api/labels", { method: "POST", json: input })).label;
}

export async function updateLabel(id: string, input: UpdateLabelInput): Promise<LabelDto> {
  return (await apiFetch<{ label: LabelDto }>(path(id), { method: "PATCH", json: input })).label;
}

export async function deleteLabel(id: string): Promise<void> {
  await apiFetch(path(id), { method: "DELETE" });
}
