// Sentences for failures of the channel screens: a platform's reason from the server
// (params.reason → channels.errors.*, the platform's name filled in) when there is one, else the
// app's text for the error code. Memoised, so loaders that depend on it keep a stable identity.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { platformNames } from "@/lib/channels/platform-names";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/client/api-fetch";

/** `platform`: the one whose screen shows the sentence; none where only generic reasons come (the chat-permission step). */
export function useChannelErrorText(platform?: Platform) {
  const t = useTranslations("channels.errors");
  const generic = useTranslations("errors");
  const named = useMemo(() => ({ platform: platform ? platformNames[platform] : "" }), [platform]);
  return useMemo(
    () => ({
      /** For a failed API call. */
      channelErrorText(error: unknown): string {
        if (!(error instanceof ApiError)) return generic("internal");
        const reason = error.params.reason;
        if (typeof reason === "string" && t.has(reason)) return t(reason, { ...error.params, ...named });
        return generic.has(error.code) ? generic(error.code, error.params) : error.message;
      },
      /** For an error code in the settings screen's URL (after the platform's login redirect). */
      codeText(code: string): string {
        return t.has(code) ? t(code, named) : t("internal");
      },
    }),
    [t, generic, named],
  );
}
