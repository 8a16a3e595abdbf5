// Sentences for what can go wrong with a reply, in the user's language: why the server refused to
// store it (AppError params.reason) and why the platform did not deliver it (Message.failureCode, in
// that platform's words: inbox.failures.<platform>.<code>). The server's own sentence
// (Message.failureReason, from the platform's provider) is used where the catalog has none.
"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/lib/client/api-fetch";
import { useErrorText } from "@/lib/client/use-error-text";
import { isPlatform } from "@/lib/channels/platform-names";
import { useChannelWords } from "@/components/channels/use-channel-words";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import type { Platform } from "@/lib/generated/prisma/enums";

export function useReplyTexts() {
  const t = useTranslations("inbox");
  const { errorText } = useErrorText();
  const { wordsOf } = useChannelWords();

  const refusalText = useCallback(
    (error: unknown): string => {
      const reason = error instanceof ApiError ? error.params.reason : undefined;
      const key = `refusals.${String(reason)}`;
      if (!(error instanceof ApiError) || typeof reason !== "string" || !t.has(key)) return errorText(error);
      // A channel's refusal names the channel in its platform's words (the server sends the platform).
      const platform = String(error.params.platform ?? "");
      return t(key, { name: String(error.params.assigneeName ?? ""), ...(isPlatform(platform) ? wordsOf(platform) : {}) });
    },
    [t, errorText, wordsOf],
  );

  const failureText = useCallback(
    (message: Pick<MessageDto, "failureCode" | "failureReason">, platform: Platform): string => {
      const key = `failures.${platform}.${message.failureCode}`;
      if (message.failureCode && t.has(key)) return t(key);
      return message.failureReason ?? t("message.failedUnknown");
    },
    [t],
  );

  return { refusalText, failureText };
}
