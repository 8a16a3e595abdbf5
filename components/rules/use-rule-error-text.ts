// Sentences for the rules feature's error codes (rules.errors.*), with the server's params (the
// unknown email, the page and rule names); anything else falls back to the shared error catalog.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";

export function useRuleErrorText() {
  const t = useTranslations("rules.errors");
  const { errorText } = useErrorText();

  const codeText = useCallback(
    (code: string, params: Record<string, string | number> = {}) => (t.has(code) ? t(code, params) : null),
    [t],
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

  // A refusal that names its reason (not_in_charge, at_cap) is said in this feature's words.
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
