// Sentences for failed staff changes: a reason the server gave about handing on a departing
// member's pages (params.reason → staffHandover.errors.*) when there is one, else the first field's
// error, else the app's text for the error code.
"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";

export function useStaffErrorText() {
  const t = useTranslations("staffHandover.errors");
  const { errorText, fieldErrorTexts } = useErrorText();
  return function staffErrorText(error: unknown): string {
    const reason = error instanceof ApiError ? error.params.reason : undefined;
    if (error instanceof ApiError && typeof reason === "string" && t.has(reason)) return t(reason, error.params);
    return Object.values(fieldErrorTexts(error) ?? {})[0] ?? errorText(error);
  };
}
