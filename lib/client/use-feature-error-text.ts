// Sentences for one feature's error codes (<namespace>.*): a refusal that names its reason
// (params.reason) or a field's zod code is said in the feature's words, with the server's params and
// the feature's fixed ones (limits a zod refusal does not carry); anything else falls back to the
// shared error catalog.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";

type Params = Record<string, string | number>;

export function useFeatureErrorText(namespace: "rules.errors" | "templates.errors" | "customer.errors", fixedParams: Record<string, Params> = {}) {
  const t = useTranslations(namespace);
  const { errorText } = useErrorText();

  const codeText = useCallback(
    (code: string, params: Params = {}) => (t.has(code) ? t(code, { ...fixedParams[code], ...params }) : null),
    [t, fixedParams],
  );

  /** Per-field sentences ("memberEmails.2" counts as "memberEmails"); null when no field is named. */
  const fieldTexts = useCallback(
    (error: unknown): Record<string, string> | null => {
      if (!(error instanceof ApiError) || Object.keys(error.fieldErrors).length === 0) return null;
      const texts: Record<string, string> = {};
      for (const [path, codes] of Object.entries(error.fieldErrors)) {
        const field = path.split(".")[0] ?? path;
        texts[field] ??= codeText(codes[0] ?? "", error.params) ?? errorText(error);
      }
      return texts;
    },
    [codeText, errorText],
  );

  const wholeText = useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return errorText(error);
      const reason = typeof error.params.reason === "string" ? codeText(error.params.reason, error.params) : null;
      return reason ?? (error.code === "not_found" ? codeText("not_found") : null) ?? errorText(error);
    },
    [codeText, errorText],
  );

  return { codeText, fieldTexts, wholeText };
}
