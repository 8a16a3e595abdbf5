// Turns API errors into sentences in the user's language, falling back to the server's message.
"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api-fetch";

export function useErrorText() {
  const t = useTranslations("errors");
  const sentence = (code: string, fallback: string, params: Record<string, string | number> = {}) =>
    t.has(code) ? t(code, params) : fallback;

  return {
    /** One sentence for the whole failure. */
    errorText(error: unknown): string {
      return error instanceof ApiError ? sentence(error.code, error.message, error.params) : t("internal");
    },
    /** Per-field sentences when the server named the fields at fault; null otherwise. */
    fieldErrorTexts(error: unknown): Record<string, string> | null {
      if (!(error instanceof ApiError) || Object.keys(error.fieldErrors).length === 0) return null;
      return Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, codes]) => [field, sentence(codes[0] ?? "", t("invalid_input"))]),
      );
    },
  };
}
