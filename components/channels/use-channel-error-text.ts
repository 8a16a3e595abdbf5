// Sentences for failures of the channel screens: a Facebook-specific reason from the server
// (params.reason → channels.errors.*) when there is one, else the app's text for the error code.
// Memoised, so loaders that depend on it keep a stable identity across renders.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ApiError } from "@/lib/client/api-fetch";

export function useChannelErrorText() {
  const t = useTranslations("channels.errors");
  const generic = useTranslations("errors");
  return useMemo(
    () => ({
      /** For a failed API call. */
      channelErrorText(error: unknown): string {
        if (!(error instanceof ApiError)) return generic("internal");
        const reason = error.params.reason;
        if (typeof reason === "string" && t.has(reason)) return t(reason, error.params);
        return generic.has(error.code) ? generic(error.code, error.params) : error.message;
      },
      /** For an error code in the wizard's URL (after the Facebook redirect). */
      codeText(code: string): string {
        return t.has(code) ? t(code) : t("internal");
      },
    }),
    [t, generic],
  );
}
